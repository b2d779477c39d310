package org.zstack.sdk;

public class DeleteHostAction extends AbstractAction {
    public static class Result extends ActionResult<DeleteHostResult, Result> {
    }

    @Param
    public String uuid;

    @Param(required = false, validValues = {"Permissive", "Enforcing"})
    public String deleteMode = "Permissive";

    public Result call() {
        return fill(new Result(), ZSClient.call(this), DeleteHostResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, DeleteHostResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("DELETE", "/hosts/{uuid}", true, true, null);
    }
}
