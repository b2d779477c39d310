package org.zstack.sdk;

public class CancelLongJobAction extends AbstractAction {
    public static class Result extends ActionResult<CancelLongJobResult, Result> {
    }

    @Param
    public String uuid;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), CancelLongJobResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, CancelLongJobResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("PUT", "/longjobs/{uuid}/actions", true, true, "cancelLongJob");
    }
}
