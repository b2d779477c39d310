package org.zstack.sdk;

/** Creates an access key pair for signed (Authorization: ZStack) requests. */
public class CreateAccessKeyAction extends AbstractAction {
    public static class Result extends ActionResult<CreateAccessKeyResult, Result> {
    }

    @Param
    public String accountUuid;

    @Param
    public String userUuid;

    @Param(required = false, maxLength = 2048)
    public String description;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), CreateAccessKeyResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, CreateAccessKeyResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("POST", "/accesskeys", true, true, "params");
    }
}
