package org.zstack.sdk;

public class QueryL3NetworkAction extends QueryAction {
    public static class Result extends ActionResult<QueryL3NetworkResult, Result> {
    }

    public Result call() {
        return fill(new Result(), ZSClient.call(this), QueryL3NetworkResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, QueryL3NetworkResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("GET", "/l3-networks", true, false, null);
    }
}
