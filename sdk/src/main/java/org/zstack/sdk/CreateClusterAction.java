package org.zstack.sdk;

public class CreateClusterAction extends AbstractAction {
    public static class Result extends ActionResult<CreateClusterResult, Result> {
    }

    @Param
    public String zoneUuid;

    @Param(maxLength = 255)
    public String name;

    @Param(required = false, maxLength = 2048)
    public String description;

    @Param(validValues = {"KVM"})
    public String hypervisorType;

    @Param(required = false, validValues = {"zstack"})
    public String type = "zstack";

    @Param(required = false, validValues = {"x86_64", "aarch64"})
    public String architecture;

    public Result call() {
        return fill(new Result(), ZSClient.call(this), CreateClusterResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, CreateClusterResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("POST", "/clusters", true, true, "params");
    }
}
