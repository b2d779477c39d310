package org.zstack.sdk;

public class ResumeLongJobAction extends AbstractAction {
    public static class Result extends ActionResult<ResumeLongJobResult, Result> {
    }

    @Param
    public String uuid;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), ResumeLongJobResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, ResumeLongJobResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("PUT", "/longjobs/{uuid}/actions", true, true, "resumeLongJob");
    }
}
