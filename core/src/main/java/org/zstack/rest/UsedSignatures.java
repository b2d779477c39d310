package org.zstack.rest;

import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.thread.ThreadFacade;
import org.zstack.header.identity.UsedAccessKeySignatureVO;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * The access-key signatures already accepted, so that each is accepted once: a request caught on the wire cannot be
 * sent again while its Date is still inside the window. They are rows of UsedAccessKeySignatureVO, so a replay to
 * another management node of the cluster is refused too; a row goes once its Date has left the window.
 */
final class UsedSignatures {
    private final DatabaseFacade dbf;

    UsedSignatures(DatabaseFacade dbf, ThreadFacade thdf) {
        this.dbf = dbf;
        thdf.submitPeriodicTask(this::deleteExpired, 60, TimeUnit.SECONDS);
    }

    /** True the first time; false when the signature was seen (here or on another node) before. */
    boolean firstUse(String accessKeyId, String signature, long validUntilMillis) {
        String id = digest(accessKeyId + ":" + signature);
        if (dbf.isExist(id, UsedAccessKeySignatureVO.class)) {
            return false;
        }
        UsedAccessKeySignatureVO vo = new UsedAccessKeySignatureVO();
        vo.setId(id);
        vo.setExpireDate(new Timestamp(validUntilMillis));
        try {
            dbf.persist(vo);
            return true;
        } catch (RuntimeException e) {
            // the same signature at the same moment, on this node or another: the primary key lets one through
            return false;
        }
    }

    private void deleteExpired() {
        dbf.transactionVoid(em -> em.createQuery("delete from UsedAccessKeySignatureVO s where s.expireDate < :now")
                .setParameter("now", new Timestamp(System.currentTimeMillis())).executeUpdate());
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
