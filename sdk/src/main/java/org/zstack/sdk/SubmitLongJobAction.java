package org.zstack.sdk;

/** Starts a long job; jobName names the job type, jobData is its JSON input. */
public class SubmitLongJobAction extends AbstractAction {
    public static class Result extends ActionResult<SubmitLongJobResult, Result> {
    }

    @Param
    public String jobName;

    @Param
    public String jobData;

    @Param(required = false, maxLength = 255)
    public String name;

    @Param(required = false, maxLength = 2048)
    public String description;

    @Param(required = false)
    public String targetResourceUuid;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), SubmitLongJobResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, SubmitLongJobResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("POST", "/longjobs", true, true, "params");
    }
}
