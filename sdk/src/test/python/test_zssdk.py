"""The Python SDK's protocol handling against a fake server: the same cases as the Java SDK's FakeServer tests.

Run: PYTHONPATH=sdk/python python3 -m unittest discover -s sdk/src/test/python (PythonSdkTest does it in the build).
"""
import hashlib
import http.server
import json
import threading
import unittest
import urllib.parse

import zssdk


class FakeServer(object):
    """Answers each request with the next (status, body) of a script, and records what it got."""

    def __init__(self):
        self.replies = []
        self.requests = []
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _handle(self):
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n).decode("utf-8") if n else None
                fake.requests.append({"method": self.command, "path": self.path, "headers": self.headers,
                                      "body": body})
                status, text = fake.replies.pop(0) if fake.replies else (500, "no reply scripted")
                data = text.replace("{port}", str(fake.port)).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = _handle

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class ZssdkTest(unittest.TestCase):
    def setUp(self):
        self.server = FakeServer()
        zssdk.configure(hostname="127.0.0.1", port=self.server.port, context_path="zstack", polling_interval=0.01,
                        polling_timeout=5)

    def tearDown(self):
        self.server.close()

    def test_async_api_is_polled_until_done(self):
        job = "/zstack/v1/api-jobs/abc"
        self.server.replies = [(202, '{"location": "http://elsewhere:1%s", "apiTimeout": 1000}' % job), (202, "{}"),
                               (200, '{"inventory": {"uuid": "z1", "name": "zone1"}, "schema": {}}')]
        r = zssdk.CreateZoneAction(sessionId="s1", name="zone1", isDefault=False).call()
        self.assertIsNone(r.error)
        self.assertEqual("zone1", r.value.inventory.name)
        first, poll = self.server.requests[0], self.server.requests[1]
        self.assertEqual("POST", first["method"])
        self.assertEqual("/zstack/v1/zones", first["path"])
        self.assertEqual({"params": {"name": "zone1", "isDefault": False}}, json.loads(first["body"]))
        self.assertEqual("OAuth s1", first["headers"]["Authorization"])
        self.assertRegex(first["headers"]["X-Job-UUID"], "^[0-9a-f]{32}$")
        self.assertEqual("true", first["headers"]["X-JSON-Schema"])
        self.assertTrue(first["headers"]["Content-Type"].startswith("application/json"))
        self.assertEqual(("GET", job), (poll["method"], poll["path"]))

    def test_a_503_carries_the_error(self):
        self.server.replies = [(202, '{"location": "http://h/zstack/v1/api-jobs/j"}'),
                               (503, '{"error": {"code": "SYS.1007", "description": "bad", "details": "field[uuid]"}}')]
        r = zssdk.DeleteZoneAction(sessionId="s", uuid="u1").call()
        self.assertEqual("SYS.1007", r.error.code)
        self.assertEqual("field[uuid]", r.error.details)
        self.assertEqual("/zstack/v1/zones/u1?deleteMode=Permissive", self.server.requests[0]["path"])
        with self.assertRaises(zssdk.ApiError):
            r.throw_exception_if_error()

    def test_a_503_without_error_is_a_result_and_other_statuses_are_sdk_errors(self):
        self.server.replies = [(503, '{"inventories": []}'), (404, "gone")]
        value = zssdk.QueryZoneAction(sessionId="s").call().value
        self.assertEqual([], value.inventories)
        self.assertIsNone(value.total, "an absent field reads as None, as it is null in Java")
        r = zssdk.QueryZoneAction(sessionId="s").call()
        self.assertEqual(zssdk.SDK_HTTP_ERROR, r.error.code)

    def test_queries_send_conditions_and_options_in_the_query_string(self):
        self.server.replies = [(200, '{"inventories": [{"uuid": "a"}], "total": 1}')]
        r = zssdk.QueryZoneAction(sessionId="s", conditions=["name=a b", "state!=Enabled"], limit=5,
                                  replyWithCount=True, sortBy="name", sortDirection="desc",
                                  fields=["uuid", "name"]).call()
        self.assertEqual(1, r.value.total)
        q = urllib.parse.parse_qs(urllib.parse.urlsplit(self.server.requests[0]["path"]).query)
        self.assertEqual(["name=a b", "state!=Enabled"], q["q"])
        self.assertEqual(["5"], q["limit"])
        self.assertEqual(["true"], q["replyWithCount"])
        self.assertEqual(["-name"], q["sort"])
        self.assertEqual(["uuid,name"], q["fields"])

    def test_actions_put_their_body_key_and_fill_the_path(self):
        self.server.replies = [(200, '{"inventory": {"state": "Disabled"}}')]
        zssdk.ChangeZoneStateAction(sessionId="s", uuid="z 1", stateEvent="disable").call()
        req = self.server.requests[0]
        self.assertEqual(("PUT", "/zstack/v1/zones/z%201/actions"), (req["method"], req["path"]))
        self.assertEqual({"changeZoneState": {"stateEvent": "disable"}}, json.loads(req["body"]))

    def test_login_sends_the_sha512_of_the_password_and_no_session(self):
        self.server.replies = [(200, '{"inventory": {"uuid": "s"}}')] * 2
        zssdk.LogInByAccountAction(accountName="admin", password="password").call()
        req = self.server.requests[0]
        self.assertNotIn("Authorization", req["headers"])
        sent = json.loads(req["body"])["logInByAccount"]["password"]
        self.assertEqual(hashlib.sha512(b"password").hexdigest(), sent)
        digest = hashlib.sha512(b"other").hexdigest()
        zssdk.LogInByAccountAction(accountName="admin", password=digest).call()
        self.assertEqual(digest, json.loads(self.server.requests[1]["body"])["logInByAccount"]["password"])

    def test_bad_parameters_fail_before_sending(self):
        with self.assertRaises(zssdk.ParamError):
            zssdk.CreateZoneAction(sessionId="s").call()
        with self.assertRaises(zssdk.ParamError):
            zssdk.ChangeZoneStateAction(sessionId="s", uuid="u", stateEvent="off").call()
        with self.assertRaises(zssdk.ParamError):
            zssdk.QueryZoneAction().call()
        with self.assertRaises(zssdk.ParamError):
            zssdk.CreateZoneAction(nme="typo")
        self.assertEqual([], self.server.requests)

    def test_polling_gives_up_after_the_timeout(self):
        self.server.replies = [(202, '{"location": "http://h/zstack/v1/api-jobs/j"}')] + [(202, "{}")] * 500
        r = zssdk.CreateZoneAction(sessionId="s", name="z", timeout=0.2).call()
        self.assertEqual(zssdk.SDK_POLLING_TIMEOUT, r.error.code)

    def test_an_unreachable_server_is_sdk_1000(self):
        self.server.close()
        r = zssdk.QueryZoneAction(sessionId="s").call()
        self.assertEqual(zssdk.SDK_HTTP_ERROR, r.error.code)
        self.server = FakeServer()


if __name__ == "__main__":
    unittest.main()
