package org.zstack.sdk;

public class DeleteIpRangeAction extends AbstractAction {
    public static class Result extends ActionResult<DeleteIpRangeResult, Result> {
    }

    @Param
    public String uuid;

    @Param(required = false, validValues = {"Permissive", "Enforcing"})
    public String deleteMode = "Permissive";

    public Result call() {
        return fill(new Result(), ZSClient.call(this), DeleteIpRangeResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, DeleteIpRangeResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("DELETE", "/l3-networks/ip-ranges/{uuid}", true, true, null);
    }
}
