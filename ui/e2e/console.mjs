// The web console, end to end, in Debian's headless Chromium driven by playwright-core, against a real management
// node (UiConsoleCase starts it with a vSphere simulator and agents and passes what to use through the environment):
// log in, change the password from the user menu (and back), replace the conversion host and the vCenter through the console (errors shown readably), sync, run the
// four-step wizard for two VMs, watch one job fail with its message and cancel the other from the task list,
// switch the language. The KVM path without migrating: a KVM conversion host added through the console lists a KVM
// host's domains (KVM_URI with the private key KVM_KEY; a wrong key KVM_WRONG_KEY gives a readable error) and the
// wizard's first step picks one. The keys are typed into the page, never printed.
// Screenshots go to ARTIFACTS (default ui/e2e/artifacts).
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const env = (k, d) => {
  const v = process.env[k] ?? d;
  if (v === undefined) throw new Error(`environment variable ${k} is required`);
  return v;
};
const BASE = env('BASE_URL').replace(/\/$/, '');
const CFG = {
  user: env('ZS_USER', 'admin'),
  password: env('ZS_PASSWORD', 'password'),
  chHostIp: env('CH_HOST_IP'),
  chCache: env('CH_CACHE_PATH'),
  oldCh: env('OLD_CH_NAME', ''),
  vcHost: env('VC_HOST'),
  vcPort: env('VC_PORT'),
  vcUser: env('VC_USER'),
  vcPassword: env('VC_PASSWORD'),
  oldVc: env('OLD_VC_NAME', ''),
  zone: env('ZONE_NAME'),
  cluster: env('CLUSTER_NAME'),
  ps: env('PS_NAME'),
  l3: env('L3_NAME'),
  vmFail: env('VM_FAIL'),
  vmCancel: env('VM_CANCEL'),
  network: env('SOURCE_NETWORK', 'VM Network'),
  kvmChCache: env('KVM_CH_CACHE_PATH'),
  kvmUri: env('KVM_URI'),
  kvmVm: env('KVM_VM'),
  kvmVmUuid: env('KVM_VM_UUID'),
  kvmVmMac: env('KVM_VM_MAC'),
};
// not in CFG, so that nothing logs them by accident
const KVM_KEY = env('KVM_KEY');
const KVM_WRONG_KEY = env('KVM_WRONG_KEY');
const ARTIFACTS = env('ARTIFACTS', join(dirname(fileURLToPath(import.meta.url)), 'artifacts'));
mkdirSync(ARTIFACTS, { recursive: true });

const started = Date.now();
const log = (...a) => console.log(`[e2e +${((Date.now() - started) / 1000).toFixed(1)}s]`, ...a);
const profile = mkdtempSync(join(tmpdir(), 'zstack-ui-e2e-'));
// a fresh profile each run (launchPersistentContext gives Chromium its --user-data-dir)
const context = await chromium.launchPersistentContext(profile, {
  executablePath: env('CHROMIUM', '/usr/bin/chromium'),
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  viewport: { width: 1440, height: 900 },
  locale: 'zh-CN',
});
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(30000);
const consoleErrors = [];
page.on('pageerror', (e) => consoleErrors.push(String(e)));
// an unhandled promise rejection (an empty dialog's validation, a failed call nobody awaited) is an error too
await context.addInitScript(() => {
  window.addEventListener('unhandledrejection', (e) => console.error(`unhandled rejection: ${e.reason?.message ?? JSON.stringify(e.reason)}`));
});
page.on('console', (m) => {
  // the browser's own line for an HTTP error the console shows readably (a wrong password...) is expected
  if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) consoleErrors.push(`console: ${m.text()}`);
});

/**
 * At `width` px: the page is no wider than the window (tables scroll inside the content), and a screenshot. `then`
 * may do more at that width before the window goes back to 1440 px.
 */
async function atWidth(width, name, then) {
  await page.setViewportSize({ width, height: 800 });
  await page.waitForTimeout(300);
  const w = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  if (w.scroll > w.client) throw new Error(`${name} at ${width} px: the page is ${w.scroll} px wide, wider than the window (${w.client} px)`);
  await shot(`${width}-${name}`);
  if (then) await then();
  await page.setViewportSize({ width: 1440, height: 900 });
  log(`${name} at ${width} px: ${w.scroll} px wide`);
}

/** The header's position and the page's width before and while a pop-up confirmation is open: nothing moves. */
async function popDoesNotShift(openPop, closePop) {
  const before = await page.evaluate(() => [document.documentElement.scrollWidth, document.querySelector('.ant-layout-header').getBoundingClientRect().width]);
  await openPop();
  await page.locator('.ant-popover:visible').waitFor();
  const during = await page.evaluate(() => [document.documentElement.scrollWidth, document.querySelector('.ant-layout-header').getBoundingClientRect().width]);
  await closePop();
  if (before[0] !== during[0] || before[1] !== during[1]) throw new Error(`a confirmation pop-up shifts the page: ${before} → ${during}`);
}

/** A row's cell text stays on one line (no wrapping of names and dates). */
async function oneLine(cell, what) {
  const lines = await cell.evaluate((el) => {
    const r = document.createRange();
    r.selectNodeContents(el);
    return new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top))).size;
  });
  if (lines > 1) throw new Error(`${what} wraps onto ${lines} lines`);
}

const shot = async (name) => {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  log('screenshot', name);
};

/** Picks an option of the antd Select that holds `inner` (a locator inside it, or the Select itself). */
async function choose(select, text) {
  await select.click();
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
  await option.click();
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' }).catch(() => {});
}
const selectOf = (id) => page.locator('.ant-select').filter({ has: page.locator(`#${id}`) }).first();
const row = (table, text) => page.locator(`${table} tr.ant-table-row`).filter({ hasText: text }).first();

async function confirmPop(okClass) {
  await page.locator(`.ant-popover:visible button.${okClass}`).click();
}

/** Waits for a readable error notification: ZStack's description and details, never raw JSON. */
async function expectApiError(fragment) {
  const n = page.locator('.api-error').filter({ hasText: fragment }).first();
  await n.waitFor();
  const text = await n.innerText();
  if (/[{}]\s*"|"code"\s*:/.test(text)) throw new Error(`raw JSON shown as an error: ${text}`);
  log('error shown:', text.replace(/\s+/g, ' ').slice(0, 200));
  await page.locator('.ant-notification-notice-close').first().click().catch(() => {});
}

try {
  // --- login (Chinese is the default) ---
  const loadStart = Date.now();
  await page.goto(BASE + '/');
  await page.locator('#login_password').waitFor();
  log(`login usable after ${Date.now() - loadStart} ms`);
  const looks = await page.evaluate(() => ({
    margin: getComputedStyle(document.body).margin,
    title: document.title,
    icon: document.querySelector('link[rel=icon]')?.getAttribute('href'),
  }));
  if (looks.margin !== '0px' || !looks.title.includes('登录') || looks.icon !== '/favicon.svg') throw new Error(`login page: ${JSON.stringify(looks)}`);
  await page.fill('#login_accountName', CFG.user);
  await page.fill('#login_password', 'wrong-password');
  await page.click('form#login button[type=submit]');
  await page.locator('.login-error').waitFor();
  log('bad password:', (await page.locator('.login-error').innerText()).slice(0, 120));
  await page.fill('#login_password', CFG.password);
  await page.click('form#login button[type=submit]');
  await page.getByRole('menuitem', { name: '迁移服务器' }).waitFor();
  log('logged in');

  // --- change password from the user menu: a wrong current password is refused readably, the new one logs in, and
  // the configured one is put back for the rest of the run ---
  const changePassword = async (oldPassword, newPassword) => {
    await page.click('button.user-menu');
    await page.locator('.menu-password').click();
    await page.fill('#passwordForm_oldPassword', oldPassword);
    await page.fill('#passwordForm_newPassword', newPassword);
    await page.fill('#passwordForm_confirm', newPassword);
    await page.click('button.password-ok');
  };
  const newPassword = `${CFG.password}-changed`;
  await changePassword('not-the-password', newPassword);
  await page.locator('.password-error').filter({ hasText: 'ID.1031' }).waitFor();
  log('wrong current password:', (await page.locator('.password-error').innerText()).slice(0, 120));
  await page.fill('#passwordForm_oldPassword', CFG.password);
  await page.click('button.password-ok');
  await page.locator('#passwordForm_oldPassword').waitFor({ state: 'detached' });
  await page.click('button.user-menu');
  await page.locator('.menu-logout').click();
  await page.fill('#login_accountName', CFG.user);
  await page.fill('#login_password', newPassword);
  await page.click('form#login button[type=submit]');
  await page.getByRole('menuitem', { name: '迁移服务器' }).waitFor();
  await changePassword(newPassword, CFG.password);
  await page.locator('#passwordForm_oldPassword').waitFor({ state: 'detached' });
  log('password changed through the console, logged in with it, and changed back');

  // --- migration servers: replace the environment's conversion host by one added through the console ---
  await page.locator('.hosts-table tr.ant-table-row').first().waitFor();
  if (!(await page.title()).includes('迁移服务器')) throw new Error(`the hosts page's title: ${await page.title()}`);
  await atWidth(1024, 'hosts', () =>
    popDoesNotShift(
      () => page.locator('.hosts-table tr.ant-table-row').first().getByRole('button', { name: '删除' }).click(),
      () => page.locator('.ant-popover:visible').getByRole('button', { name: /取\s*消/ }).click(),
    ));
  // an empty dialog: the first field has the focus, OK says what is missing, no promise is left rejected
  await page.click('button.add-host');
  await page.locator('#hostForm_name').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'hostForm_name');
  await page.click('.ant-modal button.dialog-ok');
  await page.getByText('请输入名称').waitFor();
  await page.locator('.ant-modal-footer button').filter({ hasText: /取\s*消/ }).click();
  await page.locator('#hostForm_name').waitFor({ state: 'detached' });
  if (CFG.oldCh) {
    await row('.hosts-table', CFG.oldCh).getByRole('button', { name: '删除' }).click();
    await confirmPop('confirm-delete');
    await row('.hosts-table', CFG.oldCh).waitFor({ state: 'detached' });
    log('deleted conversion host', CFG.oldCh);
  }
  await page.click('button.add-host');
  await page.fill('#hostForm_name', 'ch-ui');
  await page.fill('#hostForm_description', '由控制台添加');
  await page.locator('.ant-modal').getByText('VMware 平台').click();
  await choose(selectOf('hostForm_hostUuid'), `(${CFG.chHostIp})`);
  if ((await page.inputValue('#hostForm_storagePath')) !== '/tmp/') throw new Error('the cache path does not default to /tmp/');
  await page.fill('#hostForm_storagePath', 'relative/cache');
  await page.getByText('缓存路径必须是绝对路径').waitFor();
  await page.fill('#hostForm_storagePath', CFG.chCache);
  await page.locator('#bw_download').fill('32');
  await page.locator('#bw_upload').fill('1');
  await choose(page.locator('.ant-modal .ant-select').filter({ hasText: 'Mbps' }).first(), 'Gbps');
  await page.fill('#hostForm_cidr', '127.0.0.0/8');
  await shot('01-add-conversion-host');
  await page.click('.ant-modal button.dialog-ok');
  const ch = row('.hosts-table', 'ch-ui');
  await ch.waitFor();
  await ch.getByText('32 Mbps').waitFor();
  await ch.getByText('1 Gbps').waitFor();
  log('conversion host added:', (await ch.innerText()).replace(/\s+/g, ' '));
  // disable and enable again
  await ch.getByRole('button', { name: '停用' }).click();
  await ch.getByRole('button', { name: '启用' }).waitFor();
  await ch.getByRole('button', { name: '启用' }).click();
  await ch.getByRole('button', { name: '停用' }).waitFor();
  // a KVM-type conversion host on the same physical host
  await page.click('button.add-host');
  await page.fill('#hostForm_name', 'ch-kvm-ui');
  await page.locator('.ant-modal').getByText('KVM 平台').click();
  await choose(selectOf('hostForm_hostUuid'), `(${CFG.chHostIp})`);
  await page.fill('#hostForm_storagePath', CFG.kvmChCache);
  await page.click('.ant-modal button.dialog-ok');
  await row('.hosts-table', 'ch-kvm-ui').getByText('KVM 平台').waitFor();
  await row('.hosts-table', 'ch-kvm-ui').locator('.host-status').getByText('已连接').waitFor();
  log('KVM conversion host added:', (await row('.hosts-table', 'ch-kvm-ui').innerText()).replace(/\s+/g, ' '));
  await shot('02-conversion-hosts');

  // --- source platforms: a duplicate vCenter is refused readably; replace it, sync, browse its VMs ---
  await page.getByRole('menuitem', { name: '源平台' }).click();
  await page.locator('.vcenters-table').waitFor();
  const addVc = async (name) => {
    await page.click('button.add-vcenter');
    await page.fill('#vcForm_name', name);
    await page.fill('#vcForm_domainName', CFG.vcHost);
    await page.locator('#vcForm_port').fill(String(CFG.vcPort));
    await page.fill('#vcForm_username', CFG.vcUser);
    await page.fill('#vcForm_password', CFG.vcPassword);
    await choose(selectOf('vcForm_zoneUuid'), CFG.zone);
    await page.click('.ant-modal button.dialog-ok');
  };
  if (CFG.oldVc) {
    await row('.vcenters-table', CFG.oldVc).waitFor();
    await addVc('vc-duplicate');
    await expectApiError('already added');
    await page.locator('.ant-modal-footer button').filter({ hasText: /取\s*消/ }).click();
    await row('.vcenters-table', CFG.oldVc).getByRole('button', { name: '删除' }).click();
    await confirmPop('confirm-delete');
    await row('.vcenters-table', CFG.oldVc).waitFor({ state: 'detached', timeout: 60000 });
    log('deleted vCenter', CFG.oldVc);
  }
  await addVc('vc-ui');
  const vc = row('.vcenters-table', 'vc-ui');
  await vc.waitFor({ timeout: 120000 });
  log('vCenter added:', (await vc.innerText()).replace(/\s+/g, ' '));
  await vc.locator('button.sync-vcenter').click();
  await vc.locator('.sync-progress').waitFor({ timeout: 5000 }).catch(() => {});
  await shot('03-vcenter-syncing');
  await page.locator('.ant-message').getByText('vc-ui 同步完成').waitFor({ timeout: 120000 });
  await vc.click();
  await row('.vcenter-vms', CFG.vmFail).waitFor();
  await row('.vcenter-vms', CFG.vmCancel).waitFor();
  // power states in the console's words, not ZStack's "Running"/"Stopped"
  const power = await page.locator('.vcenter-vms .vm-power').allInnerTexts();
  if (!power.length || power.some((p) => /^[A-Za-z]+$/.test(p))) throw new Error(`power states: ${power}`);
  await shot('04-vcenter-vms');
  await atWidth(1024, 'sources');

  // --- source platforms, KVM: a KVM host's domains listed through the KVM conversion host ---
  await page.getByRole('tab', { name: 'KVM 主机' }).click();
  await page.locator('#kvmForm_libvirtURI').waitFor();
  await choose(selectOf('kvmForm_conversionHostUuid'), 'ch-kvm-ui');
  await page.fill('#kvmForm_libvirtURI', CFG.kvmUri);
  // a key the host does not accept: a readable error that says so
  await page.fill('#kvmForm_sshPrivKey', KVM_WRONG_KEY);
  await page.click('button.kvm-list');
  const kvmErr = page.locator('.kvm-error');
  await kvmErr.waitFor({ timeout: 90000 });
  const errText = await kvmErr.innerText();
  if (!/私钥/.test(errText) || !/authentication|auth/i.test(errText) || !/V2V\.1014/.test(errText)) {
    throw new Error(`the wrong key's error does not say so: ${errText}`);
  }
  if (/[{}]\s*"|"code"\s*:/.test(errText) || errText.includes('PRIVATE KEY')) throw new Error(`raw JSON or the key in the error: ${errText}`);
  log('wrong key:', errText.replace(/\s+/g, ' ').slice(0, 300));
  await shot('05-kvm-wrong-key');
  await page.fill('#kvmForm_sshPrivKey', KVM_KEY);
  const masked = await page.locator('#kvmForm_sshPrivKey').evaluate((el) => getComputedStyle(el).getPropertyValue('-webkit-text-security'));
  if (masked !== 'disc') throw new Error(`the private key is shown in clear (-webkit-text-security: ${masked})`);
  await page.click('button.kvm-list');
  const domain = row('.kvm-vms', CFG.kvmVm);
  await domain.waitFor({ timeout: 90000 });
  await kvmErr.waitFor({ state: 'detached' });
  await domain.locator('.kvm-state[data-state=shutoff]').getByText('已关机').waitFor();
  await domain.getByText(CFG.kvmVmUuid).waitFor();
  await domain.locator('.kvm-mac').filter({ hasText: CFG.kvmVmMac }).waitFor();
  const roots = await domain.locator('.kvm-disk-root').count();
  const datas = await domain.locator('.kvm-disk-data').count();
  if (roots !== 1 || datas !== 1) throw new Error(`disks shown: ${roots} root + ${datas} data, not 1 + 1`);
  if (await domain.locator('.kvm-disk-unsupported').count()) throw new Error('a local qcow2 disk is flagged unsupported');
  const versions = await page.locator('.kvm-versions').innerText();
  if (!/\d+\.\d+\.\d+[\s\S]*\d+\.\d+\.\d+/.test(versions)) throw new Error(`libvirt/qemu versions: ${versions}`);
  log('KVM domain listed:', (await domain.innerText()).replace(/\s+/g, ' '), '|', versions.replace(/\s+/g, ' ').slice(0, 120));
  await shot('06-kvm-vms');
  // the key is kept nowhere but the page's memory
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  if (stored.includes('PRIVATE KEY')) throw new Error('the private key is in the browser storage');

  // --- the wizard's first step with a KVM platform (not submitted) ---
  await page.getByRole('menuitem', { name: '迁移任务' }).click();
  await page.click('button.create-task');
  await page.locator('.wizard-step-0').waitFor();
  await page.locator('.wizard-step-0').getByText('KVM 平台').click();
  await page.fill('#wizard_name', 'ui-kvm');
  await choose(selectOf('wizard_ch'), 'ch-kvm-ui');
  if ((await page.inputValue('#wizard_kvmUri')) !== CFG.kvmUri) throw new Error('the wizard does not start from the listed KVM host');
  if ((await page.inputValue('#wizard_kvmKey')) !== '') throw new Error('the key was carried over');
  await page.fill('#wizard_kvmKey', KVM_KEY);
  await page.click('button.wizard-kvm-list');
  const wdomain = row('.wizard-kvm-vms', CFG.kvmVm);
  await wdomain.waitFor({ timeout: 90000 });
  await wdomain.locator('input[type=checkbox]').check();
  await page.getByText('已选 1 / 50').waitFor();
  if (await page.locator('.kvm-running').count()) throw new Error('a shut-off domain is said to need pausing');
  await page.locator('#wizard_pauseVm').check();
  await page.locator('.kvm-after').getByText('迁移成功后关闭源云主机').waitFor();
  await page.locator('#wizard_pauseVm').uncheck();
  await shot('wizard-kvm-1-source');
  await page.click('button.wizard-next');
  await page.locator('.wizard-step-1').waitFor();
  log('KVM wizard: first step accepted');
  // cancel asks before throwing the input away
  await page.click('button.wizard-cancel');
  await page.locator('button.confirm-discard').click();
  await page.locator('.jobs-table, button.create-task').first().waitFor();

  // --- the wizard ---
  await page.getByRole('menuitem', { name: '迁移任务' }).click();
  await page.click('button.create-task');
  await page.locator('.wizard-step-0').waitFor();
  if ((await page.inputValue('#wizard_name')) !== '迁移任务') throw new Error('the task name does not default to 迁移任务');
  const steps = await page.locator('.wizard .ant-steps-item-title').allInnerTexts();
  if (steps.join('|') !== '选择源平台和云主机|选择目标资源|配置云主机参数|确认并提交') throw new Error(`step titles: ${steps}`);
  if ((await page.locator('.wizard-step-0 .ant-form-item-tooltip').count()) < 1) throw new Error('no ? help on the platform type');
  await page.locator('.wizard-step-0 .ant-select-placeholder').filter({ hasText: '请选择' }).first().waitFor();
  await page.click('button.wizard-next'); // nothing chosen: inline errors
  await page.getByText('请至少选择一台云主机').waitFor();
  await page.getByText('请选择源集群').waitFor();
  await page.fill('#wizard_name', 'ui-wave-1');
  await page.fill('#wizard_description', '两台虚拟机');
  await choose(selectOf('wizard_ch'), 'ch-ui');
  await choose(selectOf('wizard_vc'), 'vc-ui');
  // the source cluster is required: a vCenter with one cluster has it chosen, else the first one is picked here
  if (!(await selectOf('wizard_srcCluster').locator('.ant-select-content-has-value').count())) await choose(selectOf('wizard_srcCluster'), '');
  await page.locator('.wizard-vms tr.ant-table-row').first().waitFor();
  await page.fill('#wizard_search', CFG.vmCancel);
  await row('.wizard-vms', CFG.vmCancel).locator('input[type=checkbox]').check();
  await page.fill('#wizard_search', '');
  await row('.wizard-vms', CFG.vmFail).locator('input[type=checkbox]').check();
  await page.getByText('已选 2 / 50').waitFor();
  await shot('wizard-1-source');
  await page.click('button.wizard-next');

  await page.locator('.wizard-step-1').waitFor();
  // no estimate (and no red "n / 0") before a zone is chosen
  await page.locator('.estimate-pending').waitFor();
  if (await page.locator('[data-testid=cpu-use]').count()) throw new Error('a CPU estimate before a zone is chosen');
  await choose(selectOf('wizard_zone'), CFG.zone);
  await choose(selectOf('wizard_cluster'), CFG.cluster);
  await choose(selectOf('wizard_ps'), CFG.ps);
  await page.locator('[data-testid=ps-use]').waitFor();
  const cpu = await page.locator('[data-testid=cpu-use]').innerText();
  if (!/2 \/ \d+/.test(cpu) || !/物理机/.test(cpu)) throw new Error(`estimated CPU use: ${cpu}`);
  log('estimates:', cpu.replace(/\s+/g, ' '), '|', (await page.locator('[data-testid=mem-use]').innerText()).replace(/\s+/g, ' '),
    '|', (await page.locator('[data-testid=ps-use]').innerText()).replace(/\s+/g, ' '));
  await shot('wizard-2-target');
  await page.click('button.wizard-next');

  await page.locator('.wizard-step-2').waitFor();
  // unmapped NICs are reported inline and block the next step
  await page.locator('.nic-error').first().waitFor();
  if (await page.locator('button.wizard-next').isEnabled()) throw new Error('next is enabled with unmapped NICs');
  await choose(page.locator('.netmap-select').first(), CFG.l3);
  await page.locator('.nic-error').first().waitFor({ state: 'detached' });
  const cancelCard = page.locator(`.vm-params[data-vm="${CFG.vmCancel}"]`);
  if ((await cancelCard.locator('input.vm-name, .vm-name input').first().inputValue()) !== `${CFG.vmCancel}-迁移`) {
    throw new Error('the target name does not default to <name>-迁移');
  }
  // a fixed IP outside the L3's ranges is refused inline
  await cancelCard.locator('.ip-mode').getByText('指定 IP').click();
  await cancelCard.locator('.fixed-ip input, input.fixed-ip').first().fill('10.9.9.9');
  await cancelCard.locator('.nic-error').filter({ hasText: '10.9.9.9' }).waitFor();
  await shot('wizard-3-vm-invalid-ip');
  await cancelCard.locator('.ip-mode').getByText('自动分配').click();
  // 256 MB each: the target host runs them under TCG
  await cancelCard.locator('.vm-memory input, input.vm-memory').first().fill('256');
  const failCard = page.locator(`.vm-params[data-vm="${CFG.vmFail}"]`);
  await failCard.locator('.vm-memory input, input.vm-memory').first().fill('256');
  await page.locator('.nic-error').first().waitFor({ state: 'detached' });
  await shot('wizard-3-vm');
  await page.click('button.wizard-next');

  await page.locator('.wizard-step-3').waitFor();
  await page.locator('.wizard-summary').getByText('ui-wave-1').waitFor();
  await page.locator('.wizard-summary').getByText(`${CFG.network} → ${CFG.l3}`).waitFor();
  await shot('wizard-4-confirm');
  await page.click('button.wizard-submit');
  await page.locator('.wizard-submitted').filter({ hasText: 'ui-wave-1' }).waitFor();

  // --- the task list: live progress, one job fails with its message, the other is canceled ---
  await page.locator('.jobs-table').waitFor();
  const failRow = row('.jobs-table', CFG.vmFail);
  const cancelRow = row('.jobs-table', CFG.vmCancel);
  await failRow.waitFor();
  await cancelRow.waitFor();
  // jobs are numbered in their task; the second waits its turn on the conversion host (one slot) as 排队中
  const names = (await page.locator('.jobs-table .job-name').allInnerTexts()).sort();
  if (names.join(',') !== 'ui-wave-1-1,ui-wave-1-2') throw new Error(`job names: ${names}`);
  const queued = await page.locator('.jobs-table .job-state-Queued').count();
  log('task submitted;', queued ? `${queued} queued` : 'none queued');
  if (await page.locator('.jobs-table').getByText('queued', { exact: true }).count()) throw new Error('a raw "queued" in the job list');
  await cancelRow.getByText('传输').waitFor({ timeout: 120000 });
  await page.waitForFunction(
    (name) => {
      const r = [...document.querySelectorAll('.jobs-table tr.ant-table-row')].find((tr) => tr.textContent.includes(name));
      const p = r && r.querySelector('.job-progress');
      return p && Number(p.getAttribute('data-percent')) > 0;
    },
    CFG.vmCancel,
    { timeout: 120000 },
  );
  log('transfer running:', (await cancelRow.innerText()).replace(/\s+/g, ' '));
  await shot('tasks-1-running');
  await atWidth(1024, 'tasks-running', async () => {
    const pr = cancelRow.locator('.job-progress span').last();
    await oneLine(pr, 'the progress text at 1024 px');
  });
  await cancelRow.locator('button.cancel-job').click();
  await confirmPop('confirm-cancel-job');
  await cancelRow.locator('.job-state-Canceled').waitFor({ timeout: 180000 });
  log('canceled:', (await cancelRow.innerText()).replace(/\s+/g, ' '));
  await failRow.locator('.job-state-Failed, .job-state-Succeeded').first().waitFor({ timeout: 300000 });
  const failed = await failRow.locator('.job-state-Failed').count() > 0;
  log(failed ? 'failed as expected:' : 'succeeded:', (await failRow.innerText()).replace(/\s+/g, ' '));
  if (failed) await failRow.locator('.job-error-short').waitFor();
  await shot('tasks-2-ended');
  // at 1440 px with an error shown, names and dates stay on one line
  await oneLine(failRow.locator('.job-name'), 'the task name');
  await oneLine(failRow.locator('td').nth(6), 'the start time');
  await atWidth(1024, 'tasks-ended', () =>
    popDoesNotShift(
      () => page.locator('.jobs-table button.delete-task').first().click(),
      async () => {
        await page.locator('.ant-popover:visible').getByText('将同时删除它的 2 个迁移作业').waitFor();
        await page.locator('.ant-popover:visible').getByRole('button', { name: /取\s*消/ }).click();
      },
    ));
  await failRow.locator('button.job-detail-btn').click();
  const detail = page.locator('.job-detail');
  await detail.waitFor();
  await detail.getByText('各阶段耗时').waitFor();
  if (failed) {
    await detail.locator('.job-error').waitFor();
    const err = await detail.locator('.job-error').innerText();
    const logPath = await detail.locator('.log-path').innerText();
    if (!err.includes('virt-v2v')) throw new Error(`the failure does not name virt-v2v: ${err}`);
    if (!logPath.startsWith('/')) throw new Error(`no conversion log path: ${logPath}`);
    log('conversion log:', logPath);
  }
  await page.waitForTimeout(800); // the drawer's slide-in
  await shot('tasks-3-failed-detail');
  await page.keyboard.press('Escape');
  await detail.waitFor({ state: 'hidden' }).catch(() => {});

  // --- language: English, remembered across a reload ---
  await page.click('button.lang-switch');
  await page.getByRole('menuitem', { name: 'Migration tasks' }).waitFor();
  await page.reload();
  await page.getByRole('menuitem', { name: 'Migration tasks' }).waitFor();
  await page.locator('.jobs-table').getByText('Canceled').first().waitFor();
  await shot('tasks-4-english');
  await page.click('button.lang-switch');
  await page.getByRole('menuitem', { name: '迁移任务' }).waitFor();

  // an ended session: the next call answers ID.1001 and the login says why
  await page.evaluate(() => localStorage.setItem('zstack.session', 'ffffffffffffffffffffffffffffffff'));
  await page.getByRole('menuitem', { name: '迁移服务器' }).click();
  await page.locator('.session-expired').getByText('会话已过期').waitFor();
  log('an expired session sends the user to the login, which says so');

  if (consoleErrors.length) throw new Error(`errors in the page: ${consoleErrors.join('\n')}`);
  log('PASSED');
} catch (e) {
  await shot('failure').catch(() => {});
  console.error('[e2e] FAILED:', e);
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
