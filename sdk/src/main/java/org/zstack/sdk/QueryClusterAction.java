package org.zstack.sdk;

public class QueryClusterAction extends QueryAction {
    public static class Result extends ActionResult<QueryClusterResult, Result> {
    }

    public Result call() {
        return fill(new Result(), ZSClient.call(this), QueryClusterResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, QueryClusterResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("GET", "/clusters", true, false, null);
    }
}
