package org.zstack.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.accessKey.AccessKeyInventory;
import org.zstack.core.Platform;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.core.encrypt.EncryptionFacade;
import org.zstack.core.thread.ThreadFacade;
import org.zstack.header.AbstractService;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.identity.*;
import org.zstack.header.message.Message;

import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.zstack.core.Platform.err;

/** The admin account, sessions (login, logout, validity, expiry) and access keys. */
public class AccountManagerImpl extends AbstractService {
    private static final Logger logger = LoggerFactory.getLogger(AccountManagerImpl.class);
    @Autowired
    private CloudBus bus;
    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private EncryptionFacade encryption;
    @Autowired
    private ThreadFacade thdf;
    @Autowired
    private LoginThrottle loginThrottle;

    @Override
    public String getId() {
        return AccountConstant.SERVICE_ID;
    }

    @Override
    public boolean start() {
        if (!dbf.isExist(AccountConstant.INITIAL_SYSTEM_ADMIN_UUID, AccountVO.class)) {
            AccountVO admin = new AccountVO();
            admin.setUuid(AccountConstant.INITIAL_SYSTEM_ADMIN_UUID);
            admin.setName(AccountConstant.INITIAL_SYSTEM_ADMIN_NAME);
            admin.setPassword(PasswordHash.hash(AccountConstant.INITIAL_SYSTEM_ADMIN_PASSWORD));
            admin.setType(AccountConstant.SYSTEM_ADMIN_TYPE);
            dbf.persist(admin);
        }
        thdf.submitPeriodicTask(this::deleteExpiredSessions, 60, TimeUnit.SECONDS);
        return true;
    }

    private void deleteExpiredSessions() {
        Q.New(SessionVO.class).lt(SessionVO_.expiredDate, new Timestamp(System.currentTimeMillis())).delete();
    }

    @Override
    public void handleMessage(Message msg) {
        if (msg instanceof APILogInByAccountMsg m) {
            loginThrottle.attempt(m.getAccountName(), LoginThrottle.clientAddressOf(m), () -> handle(m),
                    error -> bus.replyErrorByMessageType(m, error));
        } else if (msg instanceof APIUpdateAccountMsg m) {
            handle(m);
        } else if (msg instanceof APILogOutMsg m) {
            dbf.removeByPrimaryKey(m.getSessionUuid(), SessionVO.class);
            bus.reply(m, new APILogOutReply());
        } else if (msg instanceof APIValidateSessionMsg m) {
            APIValidateSessionReply r = new APIValidateSessionReply();
            SessionVO s = dbf.findByUuid(m.getSessionUuid(), SessionVO.class);
            r.setValid(s != null && s.getExpiredDate().getTime() > System.currentTimeMillis());
            bus.reply(m, r);
        } else if (msg instanceof APICreateAccessKeyMsg m) {
            handle(m);
        } else if (msg instanceof APIDeleteAccessKeyMsg m) {
            dbf.removeByPrimaryKey(m.getUuid(), AccessKeyVO.class);
            bus.publish(new APIDeleteAccessKeyEvent(m.getId()));
        } else {
            bus.dealWithUnknownMessage(msg);
        }
    }

    private void handle(APILogInByAccountMsg msg) {
        AccountVO account = Q.New(AccountVO.class).eq(AccountVO_.name, msg.getAccountName()).find();
        if (account == null || !passwordMatches(account, msg.getPassword())) {
            throw new OperationFailureException(err(IdentityErrors.AUTHENTICATION_ERROR, "wrong account name or password"));
        }
        SessionVO s = new SessionVO();
        s.setUuid(Platform.getUuid());
        s.setAccountUuid(account.getUuid());
        s.setUserUuid(account.getUuid());
        long ttl = IdentityGlobalConfig.SESSION_TIMEOUT.value(Long.class);
        s.setExpiredDate(new Timestamp(System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(ttl)));
        dbf.persist(s);
        APILogInReply r = new APILogInReply();
        r.setInventory(SessionInventory.valueOf(s));
        bus.reply(msg, r);
    }

    /**
     * The one password check: against the salted hash, or a row still in the old unsalted SHA-512 form, which a right
     * password then rewrites (a copy of such a row would be a login).
     */
    private boolean passwordMatches(AccountVO account, String given) {
        if (!PasswordHash.verify(given, account.getPassword())) {
            return false;
        }
        if (PasswordHash.needsRehash(account.getPassword())) {
            String upgraded = PasswordHash.hash(given);
            dbf.updateById(AccountVO.class, account.getUuid(), a -> a.setPassword(upgraded));
        }
        return true;
    }

    private void handle(APICreateAccessKeyMsg msg) {
        String secret = Platform.getUuid() + Platform.getUuid();
        AccessKeyVO vo = new AccessKeyVO();
        vo.setUuid(msg.getResourceUuid() != null ? msg.getResourceUuid() : Platform.getUuid());
        vo.setAccountUuid(msg.getAccountUuid());
        vo.setUserUuid(msg.getUserUuid());
        vo.setDescription(msg.getDescription());
        vo.setAccessKeyID(Platform.getUuid().substring(0, 20).toUpperCase());
        vo.setAccessKeySecret(encryption.encrypt(secret));
        vo.setState("Enabled");
        dbf.persist(vo);
        APICreateAccessKeyEvent evt = new APICreateAccessKeyEvent(msg.getId());
        AccessKeyInventory inv = AccessKeyInventory.valueOf(vo);
        // the only time the secret leaves the node
        inv.setAccessKeySecret(secret);
        evt.setInventory(inv);
        bus.publish(evt);
    }

    /**
     * ZStack's checks: the admin keeps its name, a name is unique, an oldPassword given must be right. Unlike ZStack,
     * which logs every session of the account out on a new password, the caller's own session goes on (it has just
     * proved it knows the account, and it polls this API's result); every other session ends. Access keys stay.
     */
    private void handle(APIUpdateAccountMsg msg) {
        AccountVO account = dbf.findByUuid(msg.getUuid(), AccountVO.class);
        if (msg.getOldPassword() != null && !PasswordHash.verify(msg.getOldPassword(), account.getPassword())) {
            throw new OperationFailureException(err(IdentityErrors.WRONG_OLD_PASSWORD,
                    "the old password is wrong; the password of account[uuid:%s] is unchanged", account.getUuid()));
        }
        if (msg.getName() != null && !msg.getName().equals(account.getName())) {
            if (AccountConstant.INITIAL_SYSTEM_ADMIN_UUID.equals(account.getUuid())) {
                throw new OperationFailureException(err(IdentityErrors.ACCOUNT_UPDATE_REFUSED,
                        "the name of the admin account cannot be updated"));
            }
            if (Q.New(AccountVO.class).eq(AccountVO_.name, msg.getName()).isExists()) {
                throw new OperationFailureException(err(IdentityErrors.ACCOUNT_UPDATE_REFUSED,
                        "unable to update the name: an account is already called %s", msg.getName()));
            }
        }
        String callerSession = msg.getSession() == null ? null : msg.getSession().getUuid();
        AccountVO updated = dbf.updateById(AccountVO.class, account.getUuid(), a -> {
            if (msg.getName() != null) {
                a.setName(msg.getName());
            }
            if (msg.getDescription() != null) {
                a.setDescription(msg.getDescription());
            }
            if (msg.getPassword() != null) {
                a.setPassword(PasswordHash.hash(msg.getPassword()));
            }
        });
        if (msg.getPassword() != null) {
            int ended = dbf.transaction(em -> em.createQuery("delete from SessionVO s where s.accountUuid = :account"
                            + " and s.uuid <> :caller")
                    .setParameter("account", account.getUuid())
                    // an access-key call has no session of its own to keep
                    .setParameter("caller", callerSession == null ? "" : callerSession)
                    .executeUpdate());
            logger.info("the password of account[uuid:{}] changed; {} other session(s) ended", account.getUuid(), ended);
        }
        APIUpdateAccountEvent evt = new APIUpdateAccountEvent(msg.getId());
        evt.setInventory(AccountInventory.valueOf(updated));
        bus.publish(evt);
    }

    /** The plain secret of an enabled access key, or null; for the REST server's signature check. */
    public AccessKeyVO findEnabledAccessKey(String accessKeyId) {
        List<AccessKeyVO> l = Q.New(AccessKeyVO.class).eq(AccessKeyVO_.accessKeyID, accessKeyId).eq(AccessKeyVO_.state, "Enabled").list();
        return l.isEmpty() ? null : l.get(0);
    }

    public String decryptSecret(AccessKeyVO vo) {
        return encryption.decrypt(vo.getAccessKeySecret());
    }
}
