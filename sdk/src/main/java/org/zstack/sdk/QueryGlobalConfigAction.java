package org.zstack.sdk;

public class QueryGlobalConfigAction extends QueryAction {
    public static class Result extends ActionResult<QueryGlobalConfigResult, Result> {
    }

    public Result call() {
        return fill(new Result(), ZSClient.call(this), QueryGlobalConfigResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, QueryGlobalConfigResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("GET", "/global-configurations", true, false, null);
    }
}
