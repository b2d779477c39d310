package org.zstack.sdk;

public class ReconnectHostAction extends AbstractAction {
    public static class Result extends ActionResult<ReconnectHostResult, Result> {
    }

    @Param
    public String uuid;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), ReconnectHostResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, ReconnectHostResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("PUT", "/hosts/{uuid}/actions", true, true, "reconnectHost");
    }
}
