package org.zstack.v2v.source.kvm;

import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.v2v.V2VErrors;

import static org.zstack.core.Platform.err;

/**
 * The migration url of a libvirt domain: {@code kvm://<libvirt URI>#<domain uuid or name>}, for example
 * {@code kvm://qemu+ssh://root@10.0.0.5:22/system#0f6c0d3e-7a47-4d8e-9bb0-2f5b7a1c9e11}. The libvirt URI is the one
 * ListVMsFromKVMHost took; libvirt URIs never carry a fragment, so '#' parts them unambiguously.
 */
public record KvmSourceUrl(LibvirtUri libvirtUri, String domain) {
    public static final String SCHEME = "kvm";

    /** @param ref the url after {@code kvm://} */
    public static KvmSourceUrl parse(String ref) {
        int i = ref == null ? -1 : ref.lastIndexOf('#');
        if (i <= 0 || i == ref.length() - 1) {
            throw new OperationFailureException(err(V2VErrors.INVALID_MIGRATION,
                    "url kvm://%s is not kvm://<libvirt URI>#<domain uuid>, e.g. kvm://qemu+ssh://root@10.0.0.5/system#<uuid>", ref));
        }
        return new KvmSourceUrl(LibvirtUri.parse(ref.substring(0, i)), ref.substring(i + 1));
    }

    public static String of(String libvirtUri, String domainUuid) {
        return SCHEME + "://" + libvirtUri + "#" + domainUuid;
    }
}
