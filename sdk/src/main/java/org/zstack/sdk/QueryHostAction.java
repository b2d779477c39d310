package org.zstack.sdk;

public class QueryHostAction extends QueryAction {
    public static class Result extends ActionResult<QueryHostResult, Result> {
    }

    public Result call() {
        return fill(new Result(), ZSClient.call(this), QueryHostResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, QueryHostResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("GET", "/hosts", true, false, null);
    }
}
