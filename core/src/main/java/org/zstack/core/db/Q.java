package org.zstack.core.db;

import jakarta.persistence.TypedQuery;
import jakarta.persistence.metamodel.Attribute;

import java.util.*;

/**
 * A small query builder in ZStack's style: Q.New(ZoneVO.class).eq(ZoneVO_.name, "z").list().
 * Field names come from the JPA metamodel (or code), never from clients, and every value is a bound parameter.
 */
public final class Q<T> {
    private static DatabaseFacade dbf;

    private final Class<T> voClass;
    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();
    private String orderBy;
    private Integer limit;
    private Integer start;

    private Q(Class<T> voClass) {
        this.voClass = voClass;
    }

    static void setDatabaseFacade(DatabaseFacade facade) {
        dbf = facade;
    }

    public static <T> Q<T> New(Class<T> voClass) {
        return new Q<>(voClass);
    }

    private Q<T> cond(String field, String op, Object value) {
        String p = "p" + params.size();
        where.add(String.format("v.%s %s :%s", field, op, p));
        params.put(p, value);
        return this;
    }

    public Q<T> eq(Attribute<?, ?> attr, Object value) { return eq(attr.getName(), value); }
    public Q<T> eq(String field, Object value) { return cond(field, "=", value); }
    public Q<T> notEq(Attribute<?, ?> attr, Object value) { return cond(attr.getName(), "<>", value); }
    public Q<T> in(Attribute<?, ?> attr, Collection<?> values) { return cond(attr.getName(), "in", values); }
    public Q<T> notIn(Attribute<?, ?> attr, Collection<?> values) { return cond(attr.getName(), "not in", values); }
    public Q<T> lt(Attribute<?, ?> attr, Object value) { return cond(attr.getName(), "<", value); }
    public Q<T> gt(Attribute<?, ?> attr, Object value) { return cond(attr.getName(), ">", value); }
    public Q<T> like(Attribute<?, ?> attr, String value) { return cond(attr.getName(), "like", value); }

    public Q<T> isNull(Attribute<?, ?> attr) {
        where.add("v." + attr.getName() + " is null");
        return this;
    }

    public Q<T> orderBy(Attribute<?, ?> attr, boolean asc) {
        orderBy = "v." + attr.getName() + (asc ? " asc" : " desc");
        return this;
    }

    public Q<T> limit(int limit) {
        this.limit = limit;
        return this;
    }

    public Q<T> start(int start) {
        this.start = start;
        return this;
    }

    private String whereClause() {
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    public List<T> list() {
        String jpql = "select v from " + voClass.getSimpleName() + " v" + whereClause()
                + (orderBy == null ? "" : " order by " + orderBy);
        return dbf.transaction(em -> {
            TypedQuery<T> q = em.createQuery(jpql, voClass);
            params.forEach(q::setParameter);
            if (limit != null) {
                q.setMaxResults(limit);
            }
            if (start != null) {
                q.setFirstResult(start);
            }
            return q.getResultList();
        });
    }

    public T find() {
        limit = 1;
        List<T> l = list();
        return l.isEmpty() ? null : l.get(0);
    }

    public long count() {
        String jpql = "select count(v) from " + voClass.getSimpleName() + " v" + whereClause();
        return dbf.transaction(em -> {
            TypedQuery<Long> q = em.createQuery(jpql, Long.class);
            params.forEach(q::setParameter);
            return q.getSingleResult();
        });
    }

    public boolean isExists() {
        return count() > 0;
    }

    /** The values of one field of the matching rows. */
    public <V> List<V> listValues(Attribute<?, V> attr) {
        String jpql = "select v." + attr.getName() + " from " + voClass.getSimpleName() + " v" + whereClause();
        return dbf.transaction(em -> {
            TypedQuery<V> q = em.createQuery(jpql, attr.getJavaType());
            params.forEach(q::setParameter);
            return q.getResultList();
        });
    }

    public int delete() {
        String jpql = "delete from " + voClass.getSimpleName() + " v" + whereClause();
        return dbf.transaction(em -> {
            var q = em.createQuery(jpql);
            params.forEach(q::setParameter);
            return q.executeUpdate();
        });
    }
}
