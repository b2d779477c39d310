package org.zstack.sdk;

public class RerunLongJobAction extends AbstractAction {
    public static class Result extends ActionResult<RerunLongJobResult, Result> {
    }

    @Param
    public String uuid;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), RerunLongJobResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, RerunLongJobResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("PUT", "/longjobs/{uuid}/actions", true, true, "rerunLongJob");
    }
}
