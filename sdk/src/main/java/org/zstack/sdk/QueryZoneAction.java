package org.zstack.sdk;

public class QueryZoneAction extends QueryAction {
    public static class Result extends ActionResult<QueryZoneResult, Result> {
    }

    public Result call() {
        return fill(new Result(), ZSClient.call(this), QueryZoneResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, QueryZoneResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("GET", "/zones", true, false, null);
    }
}
