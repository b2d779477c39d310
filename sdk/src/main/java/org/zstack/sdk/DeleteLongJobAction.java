package org.zstack.sdk;

public class DeleteLongJobAction extends AbstractAction {
    public static class Result extends ActionResult<DeleteLongJobResult, Result> {
    }

    @Param
    public String uuid;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), DeleteLongJobResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, DeleteLongJobResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("DELETE", "/longjobs/{uuid}", true, true, null);
    }
}
