package org.zstack.sdk;

public class QueryAccessKeyAction extends QueryAction {
    public static class Result extends ActionResult<QueryAccessKeyResult, Result> {
    }

    public Result call() {
        return fill(new Result(), ZSClient.call(this), QueryAccessKeyResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, QueryAccessKeyResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("GET", "/accesskeys", true, false, null);
    }
}
