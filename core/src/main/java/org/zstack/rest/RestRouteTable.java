package org.zstack.rest;

import org.zstack.header.message.APIMessage;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;
import org.zstack.portal.ServiceConfig;

import java.util.*;

/** Every path of every API that conf/serviceConfig lists, checked once at start for ZStack's rules. */
public class RestRouteTable {
    public record Match(RestRoute route, Map<String, String> vars) {
    }

    private final List<RestRoute> routes = new ArrayList<>();
    /** Routes by the first segment of their path ("zones" for "/zones/{uuid}"): a request tries only its own few. */
    private final Map<String, List<RestRoute>> byFirstSegment = new HashMap<>();

    public RestRouteTable(ServiceConfig config) {
        for (ServiceConfig.ApiRoute r : config.routes()) {
            Class<? extends APIMessage> clz = r.apiClass();
            RestRequest rest = clz.getAnnotation(RestRequest.class);
            if (rest == null) {
                continue;
            }
            check(clz, rest);
            routes.add(new RestRoute(rest.path(), clz, rest));
            for (String p : rest.optionalPaths()) {
                routes.add(new RestRoute(p, clz, rest));
            }
        }
        // the most specific template wins: "/accounts/login" before "/accounts/{uuid}"
        routes.sort(Comparator.comparingInt(RestRoute::literalSegments).reversed());
        for (RestRoute r : routes) {
            if (firstSegment(r.template).startsWith("{")) {
                throw new IllegalStateException(r.apiClass.getName() + ": a path must start with a literal segment");
            }
            byFirstSegment.computeIfAbsent(firstSegment(r.template), k -> new ArrayList<>()).add(r);
        }
    }

    private static String firstSegment(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.indexOf('/', start);
        return end < 0 ? path.substring(start) : path.substring(start, end);
    }

    private static void check(Class<?> clz, RestRequest rest) {
        if (rest.isAction() && (rest.method() != HttpMethod.PUT || !rest.parameterName().isEmpty())) {
            throw new IllegalStateException(clz.getName() + ": an action must be PUT with no parameterName");
        }
        if (rest.method() == HttpMethod.PUT && !rest.isAction() && rest.parameterName().isEmpty()) {
            throw new IllegalStateException(clz.getName() + ": a PUT that is not an action needs a parameterName");
        }
        if (rest.method() == HttpMethod.GET && !rest.parameterName().isEmpty()) {
            throw new IllegalStateException(clz.getName() + ": a GET takes no parameterName");
        }
    }

    /** The routes whose template matches the path, whatever their method. */
    public List<Match> find(String path) {
        List<Match> ret = new ArrayList<>();
        for (RestRoute r : byFirstSegment.getOrDefault(firstSegment(path), List.of())) {
            Map<String, String> vars = r.match(path);
            if (vars != null) {
                ret.add(new Match(r, vars));
            }
        }
        return ret;
    }

    /** The templates the path would match if its uuid segments were uuids ("/zones/{uuid}" for "/zones/abc"). */
    public List<String> templatesMatchingLoosely(String path) {
        return byFirstSegment.getOrDefault(firstSegment(path), List.of()).stream().filter(r -> r.matchesLoosely(path))
                .map(r -> r.template).distinct().sorted().toList();
    }

    public List<RestRoute> all() {
        return Collections.unmodifiableList(routes);
    }
}
