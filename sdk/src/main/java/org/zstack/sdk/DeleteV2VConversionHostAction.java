package org.zstack.sdk;

public class DeleteV2VConversionHostAction extends AbstractAction {
    public static class Result extends ActionResult<DeleteV2VConversionHostResult, Result> {
    }

    @Param
    public String uuid;

    @Param(required = false, validValues = {"Permissive", "Enforcing"})
    public String deleteMode = "Permissive";

    public Result call() {
        return fill(new Result(), ZSClient.call(this), DeleteV2VConversionHostResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, DeleteV2VConversionHostResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("DELETE", "/v2v-conversion-hosts/{uuid}", true, true, null);
    }
}
