package org.zstack.sdk;

public class DeletePrimaryStorageAction extends AbstractAction {
    public static class Result extends ActionResult<DeletePrimaryStorageResult, Result> {
    }

    @Param
    public String uuid;

    @Param(required = false, validValues = {"Permissive", "Enforcing"})
    public String deleteMode = "Permissive";

    public Result call() {
        return fill(new Result(), ZSClient.call(this), DeletePrimaryStorageResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, DeletePrimaryStorageResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("DELETE", "/primary-storage/{uuid}", true, true, null);
    }
}
