package org.zstack.sdk;

public class CleanV2VConversionCacheAction extends AbstractAction {
    public static class Result extends ActionResult<CleanV2VConversionCacheResult, Result> {
    }

    @Param
    public String uuid;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), CleanV2VConversionCacheResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, CleanV2VConversionCacheResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("PUT", "/v2v/conversion/host/{uuid}/actions", true, true, "cleanV2VConversionCache");
    }
}
