package org.zstack.sdk;

public class QuerySystemTagAction extends QueryAction {
    public static class Result extends ActionResult<QuerySystemTagResult, Result> {
    }

    public Result call() {
        return fill(new Result(), ZSClient.call(this), QuerySystemTagResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, QuerySystemTagResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("GET", "/system-tags", true, false, null);
    }
}
