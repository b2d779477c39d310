package org.zstack.sdk;

public class DeleteAccessKeyAction extends AbstractAction {
    public static class Result extends ActionResult<DeleteAccessKeyResult, Result> {
    }

    @Param
    public String uuid;

    @Param(required = false, validValues = {"Permissive", "Enforcing"})
    public String deleteMode = "Permissive";

    public Result call() {
        return fill(new Result(), ZSClient.call(this), DeleteAccessKeyResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, DeleteAccessKeyResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("DELETE", "/accesskeys/{uuid}", true, true, null);
    }
}
