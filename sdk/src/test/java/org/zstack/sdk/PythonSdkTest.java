package org.zstack.sdk;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Python SDK (python/zssdk.py, generated) against a fake server: src/test/python/test_zssdk.py, the same
 * protocol cases as this module's Java tests.
 */
class PythonSdkTest {
    @Test
    void pythonSdkHandlesTheProtocolAsTheJavaSdkDoes() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("python3", "-m", "unittest", "discover", "-v", "-s", "src/test/python")
                .redirectErrorStream(true);
        pb.environment().put("PYTHONPATH", new File("python").getAbsolutePath());
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("OK"), out);
    }
}
