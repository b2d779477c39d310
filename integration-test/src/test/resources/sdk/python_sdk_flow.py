"""The generated Python SDK against a real node: login, create, query with conditions, actions, delete, errors.

    PYTHONPATH=sdk/python python3 python_sdk_flow.py <port> <host uuid> <storage path>

Prints one JSON object of what it saw; GeneratedClientsCase checks it.
"""
import json
import sys

import zssdk

port, host_uuid, storage_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
zssdk.configure(hostname="127.0.0.1", port=port, context_path="zstack", polling_interval=0.05, polling_timeout=60)
out = {}

session = zssdk.LogInByAccountAction(accountName="admin", password="password").call() \
    .throw_exception_if_error().value.inventory.uuid
out["session"] = session

add = zssdk.AddV2VConversionHostAction(sessionId=session, name="ch-python", type="KVM", hostUuid=host_uuid,
                                       storagePath=storage_path, description="from Python",
                                       systemTags=["v2v::upload::bandwidth::1048576"]).call()
ch = add.throw_exception_if_error().value.inventory
out["created"] = ch

q = zssdk.QueryV2VConversionHostAction(sessionId=session, conditions=["name=ch-python", "type=KVM"],
                                       replyWithCount=True).call().throw_exception_if_error().value
out["queried"] = {"total": q.total, "names": [i.name for i in q.inventories]}
none = zssdk.QueryV2VConversionHostAction(sessionId=session, conditions=["name=ch-python", "type=VMWARE"]).call()
out["queriedNone"] = len(none.value.inventories)
only = zssdk.QueryV2VConversionHostAction(sessionId=session, conditions=["uuid=" + ch.uuid], fields=["uuid", "name"]) \
    .call().value.inventories[0]
out["fields"] = sorted(only.keys())

disabled = zssdk.ChangeV2VConversionHostStateAction(sessionId=session, uuid=ch.uuid, stateEvent="disable").call()
out["disabled"] = disabled.throw_exception_if_error().value.inventory.state
updated = zssdk.UpdateV2VConversionHostAction(sessionId=session, uuid=ch.uuid, name="ch-python-2").call()
out["updated"] = updated.value.inventory.name

dup = zssdk.AddV2VConversionHostAction(sessionId=session, name="dup", type="KVM", hostUuid=host_uuid,
                                       storagePath=storage_path).call()
out["duplicateError"] = dup.error
missing = zssdk.ChangeV2VConversionHostStateAction(sessionId=session, uuid="0" * 32, stateEvent="enable").call()
out["missingError"] = missing.error
try:
    zssdk.ChangeV2VConversionHostStateAction(sessionId=session, uuid=ch.uuid, stateEvent="maintain").call()
    out["paramError"] = None
except zssdk.ParamError as e:
    out["paramError"] = str(e)
bad_session = zssdk.QueryV2VConversionHostAction(sessionId="f" * 32).call()
out["badSessionError"] = bad_session.error

deleted = zssdk.DeleteV2VConversionHostAction(sessionId=session, uuid=ch.uuid).call()
out["deleteError"] = deleted.error
out["afterDelete"] = len(zssdk.QueryV2VConversionHostAction(sessionId=session, conditions=["uuid=" + ch.uuid])
                         .call().value.inventories)
zssdk.LogOutAction(sessionUuid=session).call().throw_exception_if_error()
out["validAfterLogOut"] = zssdk.ValidateSessionAction(sessionUuid=session).call().value.valid
print(json.dumps(out))
