package org.zstack.sdk;

/** Deletes the L2 network with its L3 networks; Permissive refuses while their IPs are in use. */
public class DeleteL2NetworkAction extends AbstractAction {
    public static class Result extends ActionResult<DeleteL2NetworkResult, Result> {
    }

    @Param
    public String uuid;

    @Param(required = false, validValues = {"Permissive", "Enforcing"})
    public String deleteMode = "Permissive";

    public Result call() {
        return fill(new Result(), ZSClient.call(this), DeleteL2NetworkResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, DeleteL2NetworkResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("DELETE", "/l2-networks/{uuid}", true, true, null);
    }
}
