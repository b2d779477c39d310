package org.zstack.testlib.rest

/** What APITestEchoMsg received: apiId is the message id, i.e. the client's X-Job-UUID. */
class TestEchoInventory {
    String apiId
    String text
    String key
    List<String> systemTags
    List<String> userTags
}
