package org.zstack.sdk;

public class ChangeHostStateAction extends AbstractAction {
    public static class Result extends ActionResult<ChangeHostStateResult, Result> {
    }

    @Param
    public String uuid;

    @Param(validValues = {"enable", "disable", "maintain"})
    public String stateEvent;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), ChangeHostStateResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, ChangeHostStateResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("PUT", "/hosts/{uuid}/actions", true, true, "changeHostState");
    }
}
