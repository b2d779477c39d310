package org.zstack.sdk;

public class QueryIpRangeAction extends QueryAction {
    public static class Result extends ActionResult<QueryIpRangeResult, Result> {
    }

    public Result call() {
        return fill(new Result(), ZSClient.call(this), QueryIpRangeResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, QueryIpRangeResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("GET", "/l3-networks/ip-ranges", true, false, null);
    }
}
