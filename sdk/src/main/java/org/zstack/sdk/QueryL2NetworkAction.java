package org.zstack.sdk;

public class QueryL2NetworkAction extends QueryAction {
    public static class Result extends ActionResult<QueryL2NetworkResult, Result> {
    }

    public Result call() {
        return fill(new Result(), ZSClient.call(this), QueryL2NetworkResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, QueryL2NetworkResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("GET", "/l2-networks", true, false, null);
    }
}
