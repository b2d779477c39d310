package org.zstack.sdk;

public class QueryLongJobAction extends QueryAction {
    public static class Result extends ActionResult<QueryLongJobResult, Result> {
    }

    public Result call() {
        return fill(new Result(), ZSClient.call(this), QueryLongJobResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, QueryLongJobResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("GET", "/longjobs", true, false, null);
    }
}
