package org.zstack.v2v.migration;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.v2v.source.MigrationSources;
import org.zstack.v2v.source.SourceAccess;
import org.zstack.v2v.source.SourceVm;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks up the source VMs a submission names before it is planned. A source may have to ask its platform (a KVM
 * host, through the conversion host's agent), so this is asynchronous; the VMs are asked one after another, and the
 * first failure ends the lookup with the source's error.
 */
public class SourceVmResolver {
    @Autowired
    private MigrationSources sources;

    /** Completes with the VMs by url ({@link V2VJobPlanner.SourceRef#url()}), in the order given. */
    public void resolve(List<V2VJobPlanner.SourceRef> refs, SourceAccess access,
                        ReturnValueCompletion<Map<String, SourceVm>> completion) {
        Map<String, SourceVm> found = new LinkedHashMap<>();
        next(new ArrayList<>(refs).iterator(), access, found, completion);
    }

    private void next(Iterator<V2VJobPlanner.SourceRef> it, SourceAccess access, Map<String, SourceVm> found,
                      ReturnValueCompletion<Map<String, SourceVm>> completion) {
        if (!it.hasNext()) {
            completion.success(found);
            return;
        }
        V2VJobPlanner.SourceRef ref = it.next();
        if (found.containsKey(ref.url())) {
            next(it, access, found, completion);
            return;
        }
        try {
            sources.get(ref.scheme()).find(ref.ref(), access, new ReturnValueCompletion<>() {
                @Override
                public void success(SourceVm vm) {
                    found.put(ref.url(), vm);
                    next(it, access, found, completion);
                }

                @Override
                public void fail(ErrorCode e) {
                    completion.fail(e);
                }
            });
        } catch (OperationFailureException e) {
            completion.fail(e.getErrorCode());
        }
    }
}
