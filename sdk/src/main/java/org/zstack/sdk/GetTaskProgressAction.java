package org.zstack.sdk;

/** The progress tree of the API whose X-Job-UUID (a long job's apiId) is apiId; all=true for every step. */
public class GetTaskProgressAction extends AbstractAction {
    public static class Result extends ActionResult<GetTaskProgressResult, Result> {
    }

    @Param
    public String apiId;

    @Param(required = false)
    public Boolean all;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), GetTaskProgressResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, GetTaskProgressResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("GET", "/task-progresses/{apiId}", true, false, null);
    }
}
