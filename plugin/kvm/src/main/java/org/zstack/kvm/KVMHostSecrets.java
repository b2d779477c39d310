package org.zstack.kvm;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.encrypt.EncryptionFacade;
import org.zstack.core.rest.AgentRequestSigner;
import org.zstack.core.rest.AgentSecretProvider;

/**
 * The agent secrets of KVM hosts, kept encrypted in KVMHostVO.agentSecret. Read from the database at each use, so
 * that every management node sees a rotation (ReconnectHost) at once.
 */
public class KVMHostSecrets implements AgentSecretProvider {
    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private EncryptionFacade encryption;

    /** A key that lets another agent call one path of this host's agent until a deadline. */
    public record ScopedKey(String scope, String key) {
        @Override
        public String toString() {
            return "ScopedKey[" + scope + "]";
        }
    }

    @Override
    public String secretOf(String hostUuid) {
        KVMHostVO h = dbf.findByUuid(hostUuid, KVMHostVO.class);
        return h == null || h.getAgentSecret() == null ? null : encryption.decrypt(h.getAgentSecret());
    }

    /** Null when the host has no secret. */
    public ScopedKey scopedKey(String hostUuid, String method, String path, long ttlSeconds) {
        String secret = secretOf(hostUuid);
        if (secret == null) {
            return null;
        }
        String scope = AgentRequestSigner.scope(method, path, System.currentTimeMillis() / 1000 + ttlSeconds);
        return new ScopedKey(scope, AgentRequestSigner.scopedKey(secret, scope));
    }

    /** Stores a new secret once its host's agent has it. */
    void store(String hostUuid, String secret) {
        dbf.transactionVoid(em -> {
            KVMHostVO h = em.find(KVMHostVO.class, hostUuid);
            if (h != null) {
                h.setAgentSecret(encryption.encrypt(secret));
            }
        });
    }
}
