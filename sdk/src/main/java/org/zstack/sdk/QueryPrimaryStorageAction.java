package org.zstack.sdk;

public class QueryPrimaryStorageAction extends QueryAction {
    public static class Result extends ActionResult<QueryPrimaryStorageResult, Result> {
    }

    public Result call() {
        return fill(new Result(), ZSClient.call(this), QueryPrimaryStorageResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, QueryPrimaryStorageResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("GET", "/primary-storage", true, false, null);
    }
}
