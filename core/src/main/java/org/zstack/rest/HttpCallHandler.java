package org.zstack.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** A non-API endpoint under /zstack (agent callbacks, progress reports), registered by the plugin that needs it. */
@FunctionalInterface
public interface HttpCallHandler {
    void handle(HttpServletRequest req, HttpServletResponse rsp) throws IOException;
}
