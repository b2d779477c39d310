package org.zstack.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who submitted an API job, as recorded in ApiJobVO.owner and compared at every poll: "session:<sha-256 of the
 * session uuid>" or "accesskey:<AccessKeyID>". Only that same credential reads the job back (ZStack's own clients,
 * the Java and Python SDKs, the CLI and the console, all poll with the Authorization they submitted with); another
 * session of the same account does not, so that a CreateAccessKey secret reaches exactly the caller that asked.
 * The session uuid is a bearer credential: the table keeps only its digest.
 */
final class ApiJobOwner {
    private ApiJobOwner() {
    }

    static String ofSession(String sessionUuid) {
        return "session:" + sha256(sessionUuid);
    }

    static String ofAccessKey(String accessKeyId) {
        return "accesskey:" + accessKeyId;
    }

    /** Constant time, so that a poll's timing tells nothing about the recorded owner. */
    static boolean same(String recorded, String presented) {
        if (recorded == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(recorded.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
