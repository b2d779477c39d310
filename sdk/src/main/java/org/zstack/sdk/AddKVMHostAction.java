package org.zstack.sdk;

public class AddKVMHostAction extends AbstractAction {
    public static class Result extends ActionResult<AddHostResult, Result> {
    }

    @Param(maxLength = 255)
    public String name;

    @Param(required = false, maxLength = 2048)
    public String description;

    @Param(maxLength = 255)
    public String managementIp;

    @Param
    public String clusterUuid;

    @Param(maxLength = 255)
    public String username;

    @Param(required = false, maxLength = 255, noTrim = true)
    public String password;

    @Param(required = false, maxLength = 16384, noTrim = true)
    public String sshPrivateKey;

    @Param(required = false, numberRange = {1, 65535})
    public Integer sshPort;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), AddHostResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, AddHostResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("POST", "/hosts/kvm", true, true, "params");
    }
}
