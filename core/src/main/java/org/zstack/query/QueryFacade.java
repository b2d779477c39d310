package org.zstack.query;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.header.AbstractService;
import org.zstack.header.Inventory;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.message.Message;
import org.zstack.header.query.*;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Timestamp;
import java.util.*;

import static org.zstack.core.Platform.argerr;

/**
 * Answers every @AutoQuery API by turning its conditions into one JPQL query over the inventory's VO. Field names
 * are checked against the entity's attributes and values are bound parameters, so q= can never inject SQL.
 */
public class QueryFacade extends AbstractService {
    public static final String SERVICE_ID = "query";

    @Autowired
    private CloudBus bus;
    @Autowired
    private DatabaseFacade dbf;

    @Override
    public String getId() {
        return SERVICE_ID;
    }

    @Override
    public void handleMessage(Message msg) {
        if (msg instanceof APIQueryMessage q) {
            bus.reply(q, query(q));
        } else {
            bus.dealWithUnknownMessage(msg);
        }
    }

    public APIQueryReply query(APIQueryMessage msg) {
        AutoQuery aq = msg.getClass().getAnnotation(AutoQuery.class);
        if (aq == null) {
            throw new OperationFailureException(argerr("%s is not an auto query", msg.getClass().getSimpleName()));
        }
        Class<?> invClass = aq.inventoryClass();
        Class<?> voClass = invClass.getAnnotation(Inventory.class).mappingVOClass();
        return dbf.transaction(em -> {
            EntityType<?> entity = em.getMetamodel().entity(voClass);
            Set<String> invFields = inventoryFieldNames(invClass);
            validateFields(msg, invClass, invFields);

            StringBuilder where = new StringBuilder();
            Map<String, Object> params = new HashMap<>();
            for (QueryCondition c : msg.getConditions()) {
                where.append(where.length() == 0 ? " where " : " and ")
                        .append(translate(c, entity, invClass, invFields, params));
            }
            APIQueryReply reply = newReply(aq.replyClass());
            String from = " from " + entity.getName() + " v" + where;
            if (msg.isCount() || msg.isReplyWithCount()) {
                TypedQuery<Long> cq = em.createQuery("select count(v)" + from, Long.class);
                params.forEach(cq::setParameter);
                reply.setTotal(cq.getSingleResult());
                if (msg.isCount()) {
                    return reply;
                }
            }
            String order = "";
            if (msg.getSortBy() != null) {
                attribute(entity, invClass, invFields, msg.getSortBy());
                String dir = msg.getSortDirection() == null ? "asc" : msg.getSortDirection().toLowerCase(Locale.ROOT);
                if (!dir.equals("asc") && !dir.equals("desc")) {
                    throw new OperationFailureException(argerr("sortDirection must be asc or desc, not %s", msg.getSortDirection()));
                }
                order = " order by v." + msg.getSortBy() + " " + dir;
            }
            TypedQuery<?> q = em.createQuery("select v" + from + order, voClass);
            params.forEach(q::setParameter);
            if (msg.getLimit() != null) {
                if (msg.getLimit() < 0) {
                    throw new OperationFailureException(argerr("limit must not be negative, got %s", msg.getLimit()));
                }
                q.setMaxResults(msg.getLimit());
            }
            if (msg.getStart() != null) {
                if (msg.getStart() < 0) {
                    throw new OperationFailureException(argerr("start must not be negative, got %s", msg.getStart()));
                }
                q.setFirstResult(msg.getStart());
            }
            reply.setInventories(toInventories(invClass, voClass, q.getResultList()));
            return reply;
        });
    }

    private static void validateFields(APIQueryMessage msg, Class<?> invClass, Set<String> invFields) {
        if (msg.getFields() == null) {
            return;
        }
        for (String f : msg.getFields()) {
            if (!invFields.contains(f)) {
                throw new OperationFailureException(argerr("fields: %s is not a field of %s", f, invClass.getSimpleName()));
            }
        }
    }

    private static Attribute<?, ?> attribute(EntityType<?> entity, Class<?> invClass, Set<String> invFields, String name) {
        if (!invFields.contains(name)) {
            throw new OperationFailureException(argerr("condition name[%s] is not a field of %s", name, invClass.getSimpleName()));
        }
        try {
            return entity.getAttribute(name);
        } catch (IllegalArgumentException e) {
            throw new OperationFailureException(argerr("field[%s] of %s cannot be queried", name, invClass.getSimpleName()));
        }
    }

    private static String translate(QueryCondition c, EntityType<?> entity, Class<?> invClass, Set<String> invFields,
                                    Map<String, Object> params) {
        Attribute<?, ?> attr = attribute(entity, invClass, invFields, c.getName());
        QueryOp op = parseOp(c.getOp());
        String field = "v." + attr.getName();
        String p = "p" + params.size();
        Class<?> type = attr.getJavaType();
        switch (op) {
            case IS_NULL:
                return field + " is null";
            case NOT_NULL:
                return field + " is not null";
            case IN:
            case NOT_IN: {
                List<Object> values = new ArrayList<>();
                for (String v : c.getValue().split(",")) {
                    values.add(QueryValueConverter.convert(c.getName(), v.trim(), type));
                }
                params.put(p, values);
                return field + (op == QueryOp.IN ? " in :" : " not in :") + p;
            }
            case LIKE:
            case NOT_LIKE:
                if (type != String.class) {
                    throw new OperationFailureException(argerr("%s is not a string field; it cannot be matched with ~=", c.getName()));
                }
                params.put(p, c.getValue());
                return field + (op == QueryOp.LIKE ? " like :" : " not like :") + p;
            default:
                if (c.getValue() == null) {
                    throw new OperationFailureException(argerr("condition on %s has no value", c.getName()));
                }
                params.put(p, QueryValueConverter.convert(c.getName(), c.getValue(), type));
                return field + " " + jpqlOp(op) + " :" + p;
        }
    }

    private static String jpqlOp(QueryOp op) {
        switch (op) {
            case EQ: return "=";
            case NOT_EQ: return "<>";
            case GT: return ">";
            case LT: return "<";
            case GT_AND_EQ: return ">=";
            case LT_AND_EQ: return "<=";
            default: throw new IllegalArgumentException(op.toString());
        }
    }

    private static QueryOp parseOp(String token) {
        for (QueryOp op : QueryOp.values()) {
            if (op.getToken().equals(token)) {
                return op;
            }
        }
        throw new OperationFailureException(argerr("unknown query operator %s", token));
    }

    private static List<Object> toInventories(Class<?> invClass, Class<?> voClass, List<?> vos) {
        try {
            Method valueOf = invClass.getMethod("valueOf", voClass);
            List<Object> ret = new ArrayList<>(vos.size());
            for (Object vo : vos) {
                ret.add(valueOf.invoke(null, vo));
            }
            return ret;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(invClass.getName() + " needs a static valueOf(" + voClass.getSimpleName() + ")", e);
        }
    }

    private static APIQueryReply newReply(Class<? extends APIQueryReply> clz) {
        try {
            return clz.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> inventoryFieldNames(Class<?> invClass) {
        Set<String> names = new HashSet<>();
        for (Class<?> c = invClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    names.add(f.getName());
                }
            }
        }
        return names;
    }

    /** Timestamps in q= are epoch milliseconds or the API's own date form. */
    static final class QueryValueConverter {
        private QueryValueConverter() {
        }

        static Object convert(String name, String v, Class<?> type) {
            try {
                if (type == String.class) {
                    return v;
                } else if (type == Integer.class || type == int.class) {
                    return Integer.valueOf(v);
                } else if (type == Long.class || type == long.class) {
                    return Long.valueOf(v);
                } else if (type == Double.class || type == double.class) {
                    return Double.valueOf(v);
                } else if (type == Float.class || type == float.class) {
                    return Float.valueOf(v);
                } else if (type == Boolean.class || type == boolean.class) {
                    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                        throw new IllegalArgumentException();
                    }
                    return Boolean.valueOf(v);
                } else if (type.isEnum()) {
                    return enumValue(type, v);
                } else if (Timestamp.class.isAssignableFrom(type) || Date.class.isAssignableFrom(type)) {
                    return v.chars().allMatch(Character::isDigit)
                            ? new Timestamp(Long.parseLong(v))
                            : new Timestamp(org.zstack.core.json.JSONObjectUtil.parseDate(v).getTime());
                }
            } catch (RuntimeException e) {
                throw new OperationFailureException(argerr("value[%s] of %s is not a valid %s", v, name, type.getSimpleName()));
            }
            return v;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object enumValue(Class<?> type, String v) {
            return Enum.valueOf((Class<? extends Enum>) type, v);
        }
    }
}
