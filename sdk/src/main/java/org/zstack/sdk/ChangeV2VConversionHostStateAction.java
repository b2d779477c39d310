package org.zstack.sdk;

public class ChangeV2VConversionHostStateAction extends AbstractAction {
    public static class Result extends ActionResult<ChangeV2VConversionHostStateResult, Result> {
    }

    @Param
    public String uuid;

    @Param(validValues = {"enable", "disable"})
    public String stateEvent;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), ChangeV2VConversionHostStateResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, ChangeV2VConversionHostStateResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("PUT", "/v2v-conversion-hosts/{uuid}/actions", true, true, "changeV2VConversionHostState");
    }
}
