package org.zstack.rest;

import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APISyncCallMessage;
import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;
import org.zstack.header.rest.SuppressCredentialCheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One path template of one API: "/longjobs/{uuid}/actions" PUT → APICancelLongJobMsg (body key cancelLongJob). */
public final class RestRoute {
    private static final Pattern VAR = Pattern.compile("\\{(\\w+)}");
    /** ZStack's uuid: 32 lowercase hex characters, no dashes (Platform.getUuid). */
    static final String UUID_REGEX = "[0-9a-f]{32}";

    final String template;
    final HttpMethod method;
    final Class<? extends APIMessage> apiClass;
    final RestRequest rest;
    private final Pattern pattern;
    /** The template with every variable taking any segment: says "a uuid was expected" where pattern finds nothing. */
    private final Pattern loosePattern;
    private final List<String> vars = new ArrayList<>();
    private final int literalSegments;

    RestRoute(String template, Class<? extends APIMessage> apiClass, RestRequest rest) {
        this.template = template;
        this.method = rest.method();
        this.apiClass = apiClass;
        this.rest = rest;
        Matcher m = VAR.matcher(template);
        StringBuilder regex = new StringBuilder("^");
        StringBuilder loose = new StringBuilder("^");
        int last = 0;
        while (m.find()) {
            String literal = Pattern.quote(template.substring(last, m.start()));
            // "/hosts/{uuid}" must not take "/hosts/kvm": a literal path of another API is no uuid
            regex.append(literal).append(isUuidVariable(m.group(1)) ? "(" + UUID_REGEX + ")" : "([^/]+)");
            loose.append(literal).append("([^/]+)");
            vars.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?$");
        loose.append(Pattern.quote(template.substring(last))).append("/?$");
        pattern = Pattern.compile(regex.toString());
        loosePattern = Pattern.compile(loose.toString());
        literalSegments = template.split("/").length - vars.size();
    }

    /** The path variables, or null when the path is not this route's. */
    Map<String, String> match(String path) {
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> ret = new LinkedHashMap<>();
        for (int i = 0; i < vars.size(); i++) {
            try {
                ret.put(vars.get(i), java.net.URLDecoder.decode(m.group(i + 1), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new RestException(400, org.zstack.core.Platform.argerr("malformed URL encoding in the path segment %s", m.group(i + 1)));
            }
        }
        return ret;
    }

    /** Whether the path would be this route's if its uuid segments were uuids. */
    boolean matchesLoosely(String path) {
        return loosePattern.matcher(path).matches();
    }

    /** A variable that names a resource or a job: uuid, zoneUuid, sessionUuid, apiId. */
    static boolean isUuidVariable(String name) {
        return name.equals("uuid") || name.endsWith("Uuid") || name.equals("apiId");
    }

    public String getTemplate() {
        return template;
    }

    public HttpMethod getMethod() {
        return method;
    }

    public Class<? extends APIMessage> getApiClass() {
        return apiClass;
    }

    /** The variables of the template in order: "/l2-networks/{l2NetworkUuid}/clusters/{clusterUuid}" → both. */
    public List<String> getVariables() {
        return List.copyOf(vars);
    }

    int literalSegments() {
        return literalSegments;
    }

    boolean isSync() {
        return APISyncCallMessage.class.isAssignableFrom(apiClass);
    }

    boolean isQuery() {
        return APIQueryMessage.class.isAssignableFrom(apiClass);
    }

    boolean needSession() {
        return !apiClass.isAnnotationPresent(SuppressCredentialCheck.class);
    }

    /** The body key of an action: APIChangeV2VConversionHostStateMsg → changeV2VConversionHostState. */
    public String bodyKey() {
        if (rest.isAction()) {
            return actionName(apiClass);
        }
        return rest.parameterName();
    }

    static String actionName(Class<?> apiClass) {
        String n = apiClass.getSimpleName().replaceFirst("^API", "").replaceFirst("Msg$", "");
        return Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }
}
