package org.zstack.tag;

import org.zstack.core.Platform;
import org.zstack.core.db.Q;
import org.zstack.header.tag.SystemTagVO;
import org.zstack.header.tag.SystemTagVO_;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kind of system tag, declared by its format with {token} placeholders:
 * {@code new SystemTag("conversion::network::cidr::{cidr}", V2VConversionHostVO.class)}. A token matches
 * everything up to the next literal part, so a value may itself contain "::" only in the last token.
 */
public class SystemTag {
    private static final Pattern TOKEN = Pattern.compile("\\{(\\w+)}");

    private final String format;
    private final Class<?> resourceClass;
    private final Pattern pattern;
    private final List<String> tokens = new java.util.ArrayList<>();

    public SystemTag(String format, Class<?> resourceClass) {
        this.format = format;
        this.resourceClass = resourceClass;
        Matcher m = TOKEN.matcher(format);
        StringBuilder regex = new StringBuilder("^");
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(format.substring(last, m.start()))).append("(.+?)");
            tokens.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(format.substring(last))).append("$");
        // the last token takes the rest of the tag, so values like IPv6 CIDRs keep their colons
        String r = regex.toString();
        if (r.endsWith("(.+?)$")) {
            r = r.substring(0, r.length() - "(.+?)$".length()) + "(.+)$";
        }
        this.pattern = Pattern.compile(r);
    }

    public boolean isMatch(String tag) {
        return tag != null && pattern.matcher(tag).matches();
    }

    /** token → value, or null when the tag is not of this kind. Values may be written {value} as ZStack's docs do. */
    public Map<String, String> parse(String tag) {
        if (tag == null) {
            return null;
        }
        Matcher m = pattern.matcher(tag);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> ret = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            String v = m.group(i + 1).trim();
            if (v.startsWith("{") && v.endsWith("}")) {
                v = v.substring(1, v.length() - 1).trim();
            }
            ret.put(tokens.get(i), v);
        }
        return ret;
    }

    public String instantiate(Map<String, String> values) {
        String s = format;
        for (Map.Entry<String, String> e : values.entrySet()) {
            s = s.replace("{" + e.getKey() + "}", e.getValue());
        }
        return s;
    }

    public String findTag(List<String> tags) {
        if (tags == null) {
            return null;
        }
        return tags.stream().filter(this::isMatch).findFirst().orElse(null);
    }

    /** The value of a token of this tag on a resource, or null. */
    public String getTokenByResourceUuid(String resourceUuid, String token) {
        for (String t : Q.New(SystemTagVO.class).eq(SystemTagVO_.resourceUuid, resourceUuid).listValues(SystemTagVO_.tag)) {
            Map<String, String> m = parse(t);
            if (m != null) {
                return m.get(token);
            }
        }
        return null;
    }

    /** Replaces this kind of tag on the resource with the given one. */
    public void recreate(String resourceUuid, String tag) {
        delete(resourceUuid);
        SystemTagVO vo = new SystemTagVO();
        vo.setUuid(Platform.getUuid());
        vo.setResourceUuid(resourceUuid);
        vo.setResourceType(resourceClass.getSimpleName());
        vo.setTag(tag);
        SystemTagHolder.dbf().persist(vo);
    }

    public void delete(String resourceUuid) {
        for (SystemTagVO vo : Q.New(SystemTagVO.class).eq(SystemTagVO_.resourceUuid, resourceUuid).list()) {
            if (isMatch(vo.getTag())) {
                SystemTagHolder.dbf().remove(vo);
            }
        }
    }

    public String getFormat() {
        return format;
    }
}
