package org.zstack.v2v;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.Platform;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.core.thread.MessageQueue;
import org.zstack.core.thread.SyncTaskChain;
import org.zstack.header.AbstractService;
import org.zstack.header.core.Completion;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.host.HostConnectExtensionPoint;
import org.zstack.header.host.HostDeletionExtensionPoint;
import org.zstack.header.host.HostInventory;
import org.zstack.header.message.APIDeleteMessage.DeletionMode;
import org.zstack.header.message.Message;
import org.zstack.kvm.AgentPathRoots;
import org.zstack.kvm.AgentPathRootsExtensionPoint;
import org.zstack.kvm.KVMAgentCommands;
import org.zstack.kvm.KVMConstant;
import org.zstack.kvm.KVMHostAgentCaller;
import org.zstack.tag.SystemTag;

import java.util.List;

import static org.zstack.core.Platform.err;

/**
 * Conversion hosts. Adding one prepares its storage path on the host (created, writable, capacity measured) and
 * checks the conversion tools there, before anything is stored. Deleting the host deletes its conversion host, as
 * ZStack cascades; a reconnect of the host measures the capacity again.
 */
public class V2VManagerImpl extends AbstractService implements HostDeletionExtensionPoint, HostConnectExtensionPoint,
        AgentPathRootsExtensionPoint {
    private static final Logger logger = LoggerFactory.getLogger(V2VManagerImpl.class);
    static final List<String> CONVERSION_TOOLS = List.of("qemu-img", "virt-v2v", "nbdkit", "ssh");

    @Autowired
    private CloudBus bus;
    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private MessageQueue queue;
    @Autowired
    private KVMHostAgentCaller agent;
    @Autowired
    private AgentPathRoots agentPathRoots;
    @Autowired
    private org.zstack.v2v.migration.V2VJobApiHandler jobApis;
    @Autowired
    private org.zstack.v2v.source.kvm.KvmSourceApiHandler kvmSourceApis;
    @Autowired
    private org.zstack.v2v.migration.JobLogApiHandler jobLogApis;

    @Override
    public String getId() {
        return V2VConstant.SERVICE_ID;
    }

    @Override
    public void handleMessage(Message msg) {
        if (jobApis.handles(msg)) {
            jobApis.handle(msg);
        } else if (kvmSourceApis.handles(msg)) {
            kvmSourceApis.handle(msg);
        } else if (msg instanceof APIGetV2VJobLogMsg m) {
            jobLogApis.handle(m);
        } else if (msg instanceof APIAddV2VConversionHostMsg m) {
            // one add per host at a time, so the duplicate check of the interceptor cannot be raced
            queue.submit("v2v-conversion-host-of-host-" + m.getHostUuid(), msg, chain -> handle(m, chain));
        } else if (msg instanceof V2VConversionHostMessage cm) {
            queue.submit("v2v-conversion-host-" + cm.getConversionHostUuid(), msg, chain -> handleConversionHostMessage(msg, chain));
        } else {
            bus.dealWithUnknownMessage(msg);
        }
    }

    private void handle(APIAddV2VConversionHostMsg msg, SyncTaskChain chain) {
        if (Q.New(V2VConversionHostVO.class).eq(V2VConversionHostVO_.hostUuid, msg.getHostUuid())
                .eq(V2VConversionHostVO_.type, msg.getType()).isExists()) {
            throw new OperationFailureException(err(V2VErrors.DUPLICATE_CONVERSION_HOST,
                    "host[uuid:%s] is already a %s conversion host", msg.getHostUuid(), msg.getType()));
        }
        prepare(msg.getHostUuid(), msg.getStoragePath(), new ReturnValueCompletion<>() {
            @Override
            public void success(KVMAgentCommands.StorageCapacityRsp cap) {
                V2VConversionHostVO vo = new V2VConversionHostVO();
                vo.setUuid(msg.getResourceUuid() != null ? msg.getResourceUuid() : Platform.getUuid());
                vo.setName(msg.getName());
                vo.setDescription(msg.getDescription());
                vo.setType(msg.getType());
                vo.setHostUuid(msg.getHostUuid());
                vo.setStoragePath(msg.getStoragePath());
                vo.setState(V2VConversionHostState.Enabled);
                vo.setTotalSize(cap.totalCapacity);
                vo.setAvailableSize(cap.availableCapacity);
                // the host and its tags are stored together or not at all
                dbf.transactionVoid(em -> {
                    em.persist(vo);
                    applyTags(vo.getUuid(), msg.getSystemTags());
                });
                // the agent works only inside its registered roots: the storage path is one before the host is used
                pushRoots(vo.getHostUuid(), () -> {
                    APIAddV2VConversionHostEvent evt = new APIAddV2VConversionHostEvent(msg.getId());
                    evt.setInventory(V2VConversionHostInventory.valueOf(dbf.findByUuid(vo.getUuid(), V2VConversionHostVO.class)));
                    bus.publish(evt);
                    chain.next();
                });
            }

            @Override
            public void fail(ErrorCode errorCode) {
                bus.replyErrorByMessageType(msg, errorCode);
                chain.next();
            }
        });
    }

    private static void applyTags(String uuid, List<String> tags) {
        for (SystemTag t : List.of(V2VSystemTags.UPLOAD_BANDWIDTH, V2VSystemTags.DOWNLOAD_BANDWIDTH, V2VSystemTags.CONVERSION_NETWORK_CIDR)) {
            String tag = t.findTag(tags);
            if (tag != null) {
                t.recreate(uuid, t.instantiate(t.parse(tag)));
            }
        }
    }

    /** Creates the storage path on the host, checks it is writable and the tools are there, and measures it. */
    private void prepare(String hostUuid, String storagePath, ReturnValueCompletion<KVMAgentCommands.StorageCapacityRsp> completion) {
        KVMAgentCommands.StorageCapacityCmd cmd = new KVMAgentCommands.StorageCapacityCmd();
        cmd.path = storagePath;
        cmd.create = true;
        agent.call(hostUuid, KVMConstant.STORAGE_CAPACITY_PATH, cmd, KVMAgentCommands.StorageCapacityRsp.class, new ReturnValueCompletion<>() {
            @Override
            public void success(KVMAgentCommands.StorageCapacityRsp cap) {
                if (!Boolean.TRUE.equals(cap.writable)) {
                    completion.fail(err(V2VErrors.STORAGE_PATH_NOT_USABLE,
                            "storage path %s on host[uuid:%s] is not writable", storagePath, hostUuid));
                    return;
                }
                KVMAgentCommands.ToolsCheckCmd tc = new KVMAgentCommands.ToolsCheckCmd();
                tc.tools = CONVERSION_TOOLS;
                agent.call(hostUuid, KVMConstant.TOOLS_CHECK_PATH, tc, KVMAgentCommands.ToolsCheckRsp.class, new ReturnValueCompletion<>() {
                    @Override
                    public void success(KVMAgentCommands.ToolsCheckRsp tools) {
                        if (tools.missing != null && !tools.missing.isEmpty()) {
                            completion.fail(err(V2VErrors.TOOLS_MISSING, "host[uuid:%s] lacks the conversion tools %s; install them (the agent playbook does) and retry",
                                    hostUuid, tools.missing));
                            return;
                        }
                        completion.success(cap);
                    }

                    @Override
                    public void fail(ErrorCode errorCode) {
                        completion.fail(errorCode);
                    }
                });
            }

            @Override
            public void fail(ErrorCode errorCode) {
                completion.fail(err(V2VErrors.STORAGE_PATH_NOT_USABLE, errorCode,
                        "cannot prepare storage path %s on host[uuid:%s]", storagePath, hostUuid));
            }
        });
    }

    private void handleConversionHostMessage(Message msg, SyncTaskChain chain) {
        if (msg instanceof APIUpdateV2VConversionHostMsg m) {
            V2VConversionHostVO vo = dbf.findByUuid(m.getUuid(), V2VConversionHostVO.class);
            Runnable store = () -> {
                dbf.transactionVoid(em -> {
                    V2VConversionHostVO v = em.find(V2VConversionHostVO.class, m.getUuid());
                    if (m.getName() != null) {
                        v.setName(m.getName());
                    }
                    if (m.getDescription() != null) {
                        v.setDescription(m.getDescription());
                    }
                    applyTags(v.getUuid(), m.getSystemTags());
                });
                APIUpdateV2VConversionHostEvent evt = new APIUpdateV2VConversionHostEvent(m.getId());
                evt.setInventory(V2VConversionHostInventory.valueOf(dbf.findByUuid(m.getUuid(), V2VConversionHostVO.class)));
                bus.publish(evt);
                chain.next();
            };
            if (m.getStoragePath() == null || m.getStoragePath().equals(vo.getStoragePath())) {
                store.run();
                return;
            }
            prepare(vo.getHostUuid(), m.getStoragePath(), new ReturnValueCompletion<>() {
                @Override
                public void success(KVMAgentCommands.StorageCapacityRsp cap) {
                    dbf.transactionVoid(em -> {
                        V2VConversionHostVO v = em.find(V2VConversionHostVO.class, m.getUuid());
                        v.setStoragePath(m.getStoragePath());
                        v.setTotalSize(cap.totalCapacity);
                        v.setAvailableSize(cap.availableCapacity);
                    });
                    // the old path is no longer the agent's to touch, the new one is
                    pushRoots(vo.getHostUuid(), store);
                }

                @Override
                public void fail(ErrorCode errorCode) {
                    bus.replyErrorByMessageType(m, errorCode);
                    chain.next();
                }
            });
        } else if (msg instanceof APIChangeV2VConversionHostStateMsg m) {
            dbf.updateById(V2VConversionHostVO.class, m.getUuid(), v -> v.setState(
                    m.getStateEvent().equals("enable") ? V2VConversionHostState.Enabled : V2VConversionHostState.Disabled));
            APIChangeV2VConversionHostStateEvent evt = new APIChangeV2VConversionHostStateEvent(m.getId());
            evt.setInventory(V2VConversionHostInventory.valueOf(dbf.findByUuid(m.getUuid(), V2VConversionHostVO.class)));
            bus.publish(evt);
            chain.next();
        } else if (msg instanceof APIDeleteV2VConversionHostMsg m) {
            List<String> active = activeJobs(m.getUuid());
            if (!active.isEmpty()) {
                throw new OperationFailureException(err(V2VErrors.TASK_RUNNING, "conversion host[uuid:%s] still runs %d"
                        + " migration job(s) %s; cancel them or wait for them to end", m.getUuid(), active.size(), active));
            }
            V2VConversionHostVO gone = dbf.findByUuid(m.getUuid(), V2VConversionHostVO.class);
            if (gone == null) {
                // ZStack's deletes succeed for what is not there: nothing to delete, no roots to change
                bus.publish(new APIDeleteV2VConversionHostEvent(m.getId()));
                chain.next();
                return;
            }
            String hostUuid = gone.getHostUuid();
            delete(m.getUuid());
            pushRoots(hostUuid, () -> {
                bus.publish(new APIDeleteV2VConversionHostEvent(m.getId()));
                chain.next();
            });
        } else if (msg instanceof APICleanV2VConversionCacheMsg m) {
            clean(m, chain);
        } else {
            bus.dealWithUnknownMessage(msg);
            chain.next();
        }
    }

    private void clean(APICleanV2VConversionCacheMsg m, SyncTaskChain chain) {
        V2VConversionHostVO vo = dbf.findByUuid(m.getUuid(), V2VConversionHostVO.class);
        V2VAgentCommands.CleanCmd cmd = new V2VAgentCommands.CleanCmd();
        cmd.storagePath = vo.getStoragePath();
        // the directories of jobs that have not ended hold disks being copied or converted
        cmd.keep = activeJobs(vo.getUuid());
        agent.call(vo.getHostUuid(), V2VAgentCommands.CLEAN_PATH, cmd, V2VAgentCommands.CleanRsp.class, new ReturnValueCompletion<>() {
            @Override
            public void success(V2VAgentCommands.CleanRsp rsp) {
                updateCapacity(m.getUuid(), rsp.totalCapacity, rsp.availableCapacity);
                logger.info("cleaned {} bytes of conversion cache on conversion host {}", rsp.freedBytes, m.getUuid());
                bus.publish(new APICleanV2VConversionCacheEvent(m.getId()));
                chain.next();
            }

            @Override
            public void fail(ErrorCode errorCode) {
                bus.replyErrorByMessageType(m, errorCode);
                chain.next();
            }
        });
    }

    /** The storage path of each conversion host on the host: its agent may work there. */
    @Override
    public List<String> agentPathRootsOf(String hostUuid) {
        return Q.New(V2VConversionHostVO.class).eq(V2VConversionHostVO_.hostUuid, hostUuid)
                .listValues(V2VConversionHostVO_.storagePath);
    }

    /** AgentPathRoots.push always succeeds (an unreachable agent gets the roots at its next connect). */
    private void pushRoots(String hostUuid, Runnable then) {
        agentPathRoots.push(hostUuid, new Completion() {
            @Override
            public void success() {
                then.run();
            }

            @Override
            public void fail(ErrorCode errorCode) {
                then.run();
            }
        });
    }

    private void updateCapacity(String uuid, Long total, Long available) {
        if (total == null || available == null) {
            return;
        }
        dbf.transactionVoid(em -> {
            V2VConversionHostVO v = em.find(V2VConversionHostVO.class, uuid);
            if (v != null) {
                v.setTotalSize(total);
                v.setAvailableSize(available);
            }
        });
    }

    /** The migration jobs of the conversion host that have not ended. */
    private List<String> activeJobs(String conversionHostUuid) {
        return org.zstack.v2v.job.UnfinishedJobs.among(
                Q.New(V2VJobVO.class).eq(V2VJobVO_.conversionHostUuid, conversionHostUuid).listValues(V2VJobVO_.uuid));
    }

    private void delete(String uuid) {
        dbf.transactionVoid(em -> {
            V2VConversionHostVO v = em.find(V2VConversionHostVO.class, uuid);
            if (v != null) {
                V2VSystemTags.UPLOAD_BANDWIDTH.delete(uuid);
                V2VSystemTags.DOWNLOAD_BANDWIDTH.delete(uuid);
                V2VSystemTags.CONVERSION_NETWORK_CIDR.delete(uuid);
                em.remove(v);
            }
        });
    }

    @Override
    public void hostDeletionCheck(HostInventory host, DeletionMode mode) {
        // a conversion host never holds its host back: it goes with it (migration jobs will veto when they come)
    }

    @Override
    public void deleteResourcesOfHost(HostInventory host) {
        for (V2VConversionHostVO vo : Q.New(V2VConversionHostVO.class).eq(V2VConversionHostVO_.hostUuid, host.getUuid()).list()) {
            logger.info("deleting conversion host {} with its host {}", vo.getUuid(), host.getUuid());
            delete(vo.getUuid());
        }
    }

    /** After a reconnect the storage path may have changed size, or vanished with a reinstalled host. */
    @Override
    public void connectionReestablished(HostInventory host, Completion completion) {
        List<V2VConversionHostVO> chs = Q.New(V2VConversionHostVO.class).eq(V2VConversionHostVO_.hostUuid, host.getUuid()).list();
        for (V2VConversionHostVO vo : chs) {
            KVMAgentCommands.StorageCapacityCmd cmd = new KVMAgentCommands.StorageCapacityCmd();
            cmd.path = vo.getStoragePath();
            cmd.create = true;
            // connect extensions run before the host is Connected
            agent.callWhileConnecting(host.getUuid(), KVMConstant.STORAGE_CAPACITY_PATH, cmd, KVMAgentCommands.StorageCapacityRsp.class,
                    new ReturnValueCompletion<>() {
                        @Override
                        public void success(KVMAgentCommands.StorageCapacityRsp rsp) {
                            updateCapacity(vo.getUuid(), rsp.totalCapacity, rsp.availableCapacity);
                        }

                        @Override
                        public void fail(ErrorCode errorCode) {
                            logger.warn("cannot measure conversion host {} after reconnect: {}", vo.getUuid(), errorCode);
                        }
                    });
        }
        completion.success();
    }
}
