package org.zstack.sdk;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The one Gson the SDK uses, so that requests, replies and re-typed schema entries agree on dates. */
final class JsonSupport {
    static final Gson GSON = new GsonBuilder()
            .registerTypeAdapterFactory(LenientDateAdapter.FACTORY)
            .disableHtmlEscaping()
            .create();

    private JsonSupport() {
    }
}
