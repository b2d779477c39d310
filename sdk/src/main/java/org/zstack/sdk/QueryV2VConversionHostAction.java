package org.zstack.sdk;

public class QueryV2VConversionHostAction extends QueryAction {
    public static class Result extends ActionResult<QueryV2VConversionHostResult, Result> {
    }

    public Result call() {
        return fill(new Result(), ZSClient.call(this), QueryV2VConversionHostResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, QueryV2VConversionHostResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("GET", "/v2v-conversion-hosts", true, false, null);
    }
}
