<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="79"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="80"/>
        <source>Lift the lock that five wrong passwords in a row put on this staff ID</source>
        <translation>解除因连续五次密码错误而对此工号的锁定</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="172"/>
        <source>Locked until %1</source>
        <translation>锁定到 %1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="68"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="70"/>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="93"/>
        <source>Staff ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="70"/>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="94"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="70"/>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="95"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="70"/>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="96"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="70"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="73"/>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="181"/>
        <source>Mark as left</source>
        <translation>标记为离岗</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="74"/>
        <source>The account can no longer log in; a supervisor may then hand its open tickets on</source>
        <translation>该账号将不能登录;之后主管可把其未办结的工单转交他人</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="90"/>
        <source>Add staff</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="97"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="103"/>
        <source>Add a staff member</source>
        <translation>添加员工账号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="109"/>
        <source>Campaigns</source>
        <translation>办理活动</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="111"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="111"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="111"/>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="111"/>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="111"/>
        <source>Reserved numbers</source>
        <translation>号池号码数</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="114"/>
        <source>Load campaign from TOML…</source>
        <translation>从 TOML 文件载入活动…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="116"/>
        <source>New campaign…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="118"/>
        <source>Edit campaign…</source>
        <translation>编辑活动…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="161"/>
        <source>Active</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="161"/>
        <source>Left</source>
        <translation>离岗</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="181"/>
        <source>Reinstate</source>
        <translation>恢复在岗</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="235"/>
        <source>Load campaign</source>
        <translation>载入活动</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="235"/>
        <source>Campaign files (*.toml)</source>
        <translation>活动文件 (*.toml)</translation>
    </message>
</context>
<context>
    <name>ApplicationsModel</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_model.py" line="28"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_model.py" line="29"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_model.py" line="30"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_model.py" line="31"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_model.py" line="32"/>
        <source>Kept/new</source>
        <translation>老号/新号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_model.py" line="33"/>
        <source>Plan</source>
        <translation>资费</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_model.py" line="34"/>
        <source>Copies</source>
        <translation>复印件</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_model.py" line="35"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_model.py" line="36"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_model.py" line="41"/>
        <source>Kept</source>
        <translation>老号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_model.py" line="42"/>
        <source>New</source>
        <translation>新号</translation>
    </message>
</context>
<context>
    <name>ApplicationsPage</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="42"/>
        <source>Name, number or last digits of the ID</source>
        <translation>姓名、号码或证件号码末几位</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="71"/>
        <source>No campaign yet. An administrator loads one on the Admin page.</source>
        <translation>尚无办理活动。请管理员在“管理”页载入活动。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="106"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="128"/>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="129"/>
        <source>All plans</source>
        <translation>全部资费</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="179"/>
        <source>%n application(s)</source>
        <translation>
            <numerusform>共 %n 份申请</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CampaignEditor</name>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="51"/>
        <source>New campaign</source>
        <translation>新建办理活动</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="51"/>
        <source>Edit campaign</source>
        <translation>编辑办理活动</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="53"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="54"/>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="55"/>
        <source>Number pool</source>
        <translation>号池</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="56"/>
        <source>Plans and add-ons</source>
        <translation>资费与附加包</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="90"/>
        <source>Only China Mobile numbers may join</source>
        <translation>只接受中国移动号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="93"/>
        <source>Packages that cannot join, separated by 、 or commas</source>
        <translation>不能办理的套餐,用“、”或逗号分隔</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="96"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="97"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="98"/>
        <source>Issued by</source>
        <translation>发文单位</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="99"/>
        <source>Carrier branch</source>
        <translation>移动公司</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="100"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="101"/>
        <source>Issued on</source>
        <translation>发文日期</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="102"/>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="104"/>
        <source>Excluded packages</source>
        <translation>不能办理的套餐</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="109"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="109"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="115"/>
        <source>Add department</source>
        <translation>添加部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="117"/>
        <source>Remove department</source>
        <translation>删除部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="149"/>
        <source>A 9-digit prefix reserves its hundred numbers (…00 to …99); single numbers have 11 digits. One per line.</source>
        <translation>9 位号段预留该号段的 100 个号码(…00 至 …99);单个号码为 11 位。每行一个。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="153"/>
        <source>Prefixes</source>
        <translation>号段</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="154"/>
        <source>Single numbers</source>
        <translation>单个号码</translation>
    </message>
</context>
<context>
    <name>ConfirmList</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/confirmations_panel.py" line="40"/>
        <source>I have checked</source>
        <translation>已核实</translation>
    </message>
</context>
<context>
    <name>CopySlot</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="51"/>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="80"/>
        <source>Drop, paste (Ctrl+V)
or choose an image</source>
        <translation>拖入、粘贴(Ctrl+V)
或选择图片</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="58"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="59"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="93"/>
        <source>ID card image</source>
        <translation>身份证图片</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="93"/>
        <source>Images (%1)</source>
        <translation>图片 (%1)</translation>
    </message>
</context>
<context>
    <name>EstimatePanel</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/estimate_panel.py" line="26"/>
        <source>Tariff estimate</source>
        <translation>资费估算</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/estimate_panel.py" line="32"/>
        <source>not given</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/estimate_panel.py" line="33"/>
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/estimate_panel.py" line="42"/>
        <source>In-group min</source>
        <translation>网内分钟</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/estimate_panel.py" line="42"/>
        <source>Out-of-group min</source>
        <translation>网外分钟</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/estimate_panel.py" line="42"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/estimate_panel.py" line="42"/>
        <source>Data MB</source>
        <translation>流量(MB)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/estimate_panel.py" line="46"/>
        <source>Current monthly fee</source>
        <translation>现在的月费</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/estimate_panel.py" line="72"/>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/estimate_panel.py" line="77"/>
        <source>Enter the current monthly fee to compare keeping the current plan.</source>
        <translation>填入现在的月费,即可与“保留原资费”比较。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="41"/>
        <source>KAccount Desk — first start</source>
        <translation>大客户业务受理 — 首次启动</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="43"/>
        <source>This database has no staff yet. Create the administrator account; the administrator then adds clerks, collectors and office staff.</source>
        <translation>此数据库还没有员工账号。请先建立管理员账号,再由管理员添加营业员、事业部统计员和办公室人员。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="51"/>
        <source>Load the sample campaign (2012 notice)</source>
        <translation>载入示例活动(2012年通知)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="55"/>
        <source>Staff ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="56"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="57"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="58"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="63"/>
        <source>Create administrator</source>
        <translation>建立管理员</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="80"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="96"/>
        <source>Sample campaign not loaded</source>
        <translation>示例活动未能载入</translation>
    </message>
</context>
<context>
    <name>IdCopiesWidget</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="135"/>
        <source>Front (photo side)</source>
        <translation>正面(照片面)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="136"/>
        <source>Back (issuing authority)</source>
        <translation>反面(签发机关)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="182"/>
        <source>pasted image</source>
        <translation>粘贴的图片</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="183"/>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="189"/>
        <source>The clipboard holds no image or image file.</source>
        <translation>剪贴板中没有图片或图片文件。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="198"/>
        <source>Save the application first (see the reasons at the top), then attach the copy.</source>
        <translation>请先保存申请(见上方原因),再添加身份证复印件。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="206"/>
        <source>Attached ✓</source>
        <translation>已添加 ✓</translation>
    </message>
</context>
<context>
    <name>ImportReportModel</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="20"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="21"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="22"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="23"/>
        <source>Refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="26"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="27"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="28"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="29"/>
        <source>Reasons and warnings</source>
        <translation>原因与提醒</translation>
    </message>
</context>
<context>
    <name>ImportRosterDialog</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="97"/>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="139"/>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="157"/>
        <source>Import roster</source>
        <translation>导入名单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="99"/>
        <source>A department&apos;s roster (.xlsx or .csv)</source>
        <translation>部门报来的名单(.xlsx 或 .csv)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="100"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="102"/>
        <source>Dry run (check only)</source>
        <translation>试导入(只检查,不写入)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="104"/>
        <source>Check / import</source>
        <translation>检查 / 导入</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="139"/>
        <source>Rosters (*.xlsx *.csv);;All files (*)</source>
        <translation>名单 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="148"/>
        <source>Choose a roster file first.</source>
        <translation>请先选择名单文件。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="152"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="152"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="164"/>
        <source>new %1, updated %2, unchanged %3, refused %4</source>
        <translation>新增 %1,更新 %2,未变 %3,拒收 %4</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="167"/>
        <source>Dry run, nothing was written:</source>
        <translation>试导入,未写入任何数据:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="167"/>
        <source>Imported:</source>
        <translation>已导入:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="175"/>
        <source>Import cancelled: nothing was written.</source>
        <translation>已取消导入:未写入任何数据。</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="0"/>
        <source>Saved as draft #%1 with the problems listed; it cannot move on until they are fixed</source>
        <translation>已存为草稿 #%1,所列问题改正之前不能继续办理</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="0"/>
        <source>Disca&amp;rd changes</source>
        <translation>放弃修改(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="0"/>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="0"/>
        <source>Discard what was typed since the last save?</source>
        <translation>放弃上次保存以来填写的内容?</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="0"/>
        <source>Changes discarded</source>
        <translation>已放弃修改</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="89"/>
        <source>Type to search the campaign&apos;s departments</source>
        <translation>输入以查找本次活动的部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="97"/>
        <source>Keep &amp;old number</source>
        <translation>保留老号(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="98"/>
        <source>&amp;New number from the pool</source>
        <translation>从号池选新号(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="105"/>
        <source>C&amp;hoose… (F4)</source>
        <translation>选号(&amp;H)…(F4)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="108"/>
        <source>Packages the number has now, e.g. from the bill</source>
        <translation>该号码现已办理的业务,可参照话费单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="112"/>
        <source>No add-ons beyond those the plan includes</source>
        <translation>除资费已含的附加包外不加办</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="136"/>
        <source>&amp;Save (Enter)</source>
        <translation>保存(&amp;S)(Enter)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="137"/>
        <source>Next application (Ctrl+N)</source>
        <translation>下一份申请(Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="165"/>
        <source>Late acceptance &amp;reason:</source>
        <translation>逾期接收原因(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="168"/>
        <source>De&amp;partment:</source>
        <translation>部门(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="169"/>
        <source>N&amp;ame:</source>
        <translation>姓名(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="170"/>
        <source>Document t&amp;ype:</source>
        <translation>证件类型(&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="171"/>
        <source>&amp;ID number:</source>
        <translation>证件号码(&amp;I):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="172"/>
        <source>Number source:</source>
        <translation>号码来源:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="173"/>
        <source>&amp;Mobile number:</source>
        <translation>手机号码(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="174"/>
        <source>Current pac&amp;kages:</source>
        <translation>已办业务(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="175"/>
        <source>P&amp;lan:</source>
        <translation>资费方式(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="176"/>
        <source>A&amp;dd-ons:</source>
        <translation>附加包(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="177"/>
        <source>No&amp;te:</source>
        <translation>备注(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="193"/>
        <source>ID card copies</source>
        <translation>身份证复印件</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="195"/>
        <source>Still needed before it can move on</source>
        <translation>提交前还缺少</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="282"/>
        <source>— choose a plan —</source>
        <translation>— 请选择资费 —</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="322"/>
        <source>Application #%1 saved; this is a new one</source>
        <translation>申请 #%1 已保存;现在填写下一份</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="340"/>
        <source>Application #%1</source>
        <translation>申请 #%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="352"/>
        <source>Saved — application #%1</source>
        <translation>已保存 — 申请 #%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="368"/>
        <source>Application #%1 is now: %2</source>
        <translation>申请 #%1 现为:%2</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="444"/>
        <source>%1 — current fee + %2 yuan a month</source>
        <translation>%1 — 原资费 + 每月 %2 元</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="445"/>
        <source>%1 — %2 yuan a month</source>
        <translation>%1 — 每月 %2 元</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="457"/>
        <source>%1 (+%2 yuan)</source>
        <translation>%1(+%2 元)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="484"/>
        <source>The number the person keeps</source>
        <translation>申请人保留的老号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="484"/>
        <source>Type the number or press F4 to choose one</source>
        <translation>输入号码,或按 F4 选号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="501"/>
        <source>Not one of this campaign&apos;s departments</source>
        <translation>不是本次活动的部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="521"/>
        <source>Looks right; compare it with the document</source>
        <translation>格式正确;请与证件核对</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="523"/>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="523"/>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="541"/>
        <source>Not one of the numbers reserved for this campaign; press F4 to choose one</source>
        <translation>不在本次活动预留的号池中;按 F4 选号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="556"/>
        <source>No conflicting package</source>
        <translation>没有冲突的套餐</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="564"/>
        <source>Only office staff may accept a late application.</source>
        <translation>只有办公室人员可以接收逾期申请。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="586"/>
        <source>Changes not saved yet (Enter saves)</source>
        <translation>修改尚未保存(按 Enter 保存)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="586"/>
        <source>Not saved yet (Enter saves)</source>
        <translation>尚未保存(按 Enter 保存)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="588"/>
        <source>Only the confirmation below is missing</source>
        <translation>只差下面的确认</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="588"/>
        <source>Nothing missing ✓</source>
        <translation>材料齐全 ✓</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="113"/>
        <source>KAccount Desk — log in</source>
        <translation>大客户业务受理 — 登录</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="118"/>
        <source>Staff ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="119"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="125"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="40"/>
        <source>Enrollment</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="41"/>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="42"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="43"/>
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="106"/>
        <source>Campaign</source>
        <translation>办理活动</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="109"/>
        <source>Campaign:</source>
        <translation>办理活动:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="117"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="118"/>
        <source>&amp;Import roster…</source>
        <translation>导入名单(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="119"/>
        <source>&amp;Export roster…</source>
        <translation>导出名单(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="122"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="124"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="125"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="134"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="135"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="144"/>
        <source>%1 (%2, %3)</source>
        <translation>%1(%2,%3)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="145"/>
        <source>Logged in: %1</source>
        <translation>当前登录:%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="146"/>
        <source>Database: %1</source>
        <translation>数据库:%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="191"/>
        <source>Unsaved application</source>
        <translation>申请尚未保存</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="192"/>
        <source>The application in the form has not been saved. Save it as a draft now?</source>
        <translation>表单中的申请还没有保存。现在保存为草稿吗?</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="259"/>
        <source>About KAccount Desk</source>
        <translation>关于大客户业务受理</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="260"/>
        <source>KAccount Desk: enrollment intake for a mobile operator&apos;s key-account calling group.</source>
        <translation>KAccount Desk:移动公司大客户集团网业务受理。</translation>
    </message>
</context>
<context>
    <name>OpenTicketForm</name>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="46"/>
        <source>Receive a customer&apos;s matter</source>
        <translation>受理客户诉求</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="53"/>
        <source>not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="67"/>
        <source>11-digit mobile number</source>
        <translation>11位手机号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="68"/>
        <source>Key-account customer</source>
        <translation>大客户</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="70"/>
        <source>Where the fault is: a fault is repaired within 48 hours in towns, 72 in rural areas</source>
        <translation>故障所在区域:城镇48小时内修复,农村72小时内修复</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="72"/>
        <source>What the customer asks or reports, in their words</source>
        <translation>按客户原话记录咨询、查询、投诉或申告内容</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="85"/>
        <source>&amp;Save (Enter)</source>
        <translation>保存(回车)(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="87"/>
        <source>&amp;Print receipt</source>
        <translation>打印受理回执(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="92"/>
        <source>Category:</source>
        <translation>类别:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="93"/>
        <source>Channel:</source>
        <translation>渠道:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="94"/>
        <source>Window:</source>
        <translation>窗口:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="95"/>
        <source>Customer name:</source>
        <translation>客户姓名:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="96"/>
        <source>Mobile number:</source>
        <translation>手机号码:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="98"/>
        <source>Area:</source>
        <translation>区域:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="99"/>
        <source>Content:</source>
        <translation>受理内容:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="100"/>
        <source>Received (letters):</source>
        <translation>受理时间(信函):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="106"/>
        <source>You receive it, so you own it until the customer confirms (首问负责).</source>
        <translation>由您受理,即由您负责到底,直至客户确认(首问负责)。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="176"/>
        <source>Ticket %1 opened, due %2. You own it until the customer confirms.</source>
        <translation>工单 %1 已受理,办结时限 %2。您是首问责任人,负责到客户确认为止。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="221"/>
        <source>Receipt saved to %1</source>
        <translation>受理回执已保存到 %1</translation>
    </message>
</context>
<context>
    <name>PoolBrowser</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/pool_browser.py" line="28"/>
        <source>Choose a new number</source>
        <translation>选择新号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/pool_browser.py" line="30"/>
        <source>Last digits, e.g. 88</source>
        <translation>尾号,如 88</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/pool_browser.py" line="34"/>
        <source>Show taken numbers too</source>
        <translation>也显示已被选用的号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/pool_browser.py" line="57"/>
        <source>&amp;Tail digits:</source>
        <translation>尾号(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/pool_browser.py" line="67"/>
        <source>Take this number</source>
        <translation>选用此号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/pool_browser.py" line="104"/>
        <source>%1 (taken)</source>
        <translation>%1(已选用)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/pool_browser.py" line="114"/>
        <source> (first %1 shown)</source>
        <translation>(仅显示前 %1 个)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/pool_browser.py" line="115"/>
        <source>%1 free of %2 listed</source>
        <translation>列出 %2 个,其中 %1 个可选</translation>
    </message>
</context>
<context>
    <name>PrintPage</name>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="25"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="26"/>
        <source>Application forms</source>
        <translation>申请表</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="27"/>
        <source>Department roster</source>
        <translation>部门名单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="28"/>
        <source>Summary for the operator</source>
        <translation>报移动公司汇总表</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="29"/>
        <source>ID-copy sheets</source>
        <translation>身份证复印件</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="47"/>
        <source>Only the applications ticked below</source>
        <translation>只打印下面勾选的申请</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="52"/>
        <source>Save notice text</source>
        <translation>保存通知正文</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="53"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="54"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="58"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="59"/>
        <source>Save as PDF…</source>
        <translation>另存为PDF…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="74"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="75"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="80"/>
        <source>Notice text</source>
        <translation>通知正文</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="108"/>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="120"/>
        <source>Placeholders: %1</source>
        <translation>可用占位符:%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="173"/>
        <source>Notice text saved.</source>
        <translation>通知正文已保存。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="199"/>
        <source>Choose a department for its roster.</source>
        <translation>请选择要打印名单的部门。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="209"/>
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="230"/>
        <source>%n page(s) ready.</source>
        <translation>
            <numerusform>已生成 %n 页,可预览。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="236"/>
        <source>Cancelled; nothing was saved.</source>
        <translation>已取消,未保存任何文件。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="240"/>
        <source>Not generated: %1</source>
        <translation>未能生成:%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="242"/>
        <source>Not generated.</source>
        <translation>未能生成。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="268"/>
        <source>Cannot print</source>
        <translation>无法打印</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="274"/>
        <source>Save as PDF</source>
        <translation>另存为PDF</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="280"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="282"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/progress_panel.py" line="33"/>
        <source>Progress by department</source>
        <translation>各部门进度</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/progress_panel.py" line="38"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/progress_panel.py" line="38"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/progress_panel.py" line="38"/>
        <source>Total</source>
        <translation>申请数</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/progress_panel.py" line="38"/>
        <source>Ready</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/progress_panel.py" line="38"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/progress_panel.py" line="78"/>
        <source>%1 d %2 h left</source>
        <translation>还剩 %1 天 %2 小时</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/progress_panel.py" line="79"/>
        <source>%1 h %2 min left</source>
        <translation>还剩 %1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/progress_panel.py" line="85"/>
        <source>deadline passed</source>
        <translation>已过截止时间</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/progress_panel.py" line="89"/>
        <source>Deadline: %1</source>
        <translation>截止时间:%1</translation>
    </message>
</context>
<context>
    <name>RatedItemsTable</name>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="42"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="42"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="42"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="42"/>
        <source>Monthly fee (yuan)</source>
        <translation>月费(元)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="43"/>
        <source>Free in-group minutes</source>
        <translation>网内免费分钟</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="43"/>
        <source>In-group yuan/min</source>
        <translation>网内(元/分钟)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="43"/>
        <source>Out-group yuan/min</source>
        <translation>网外(元/分钟)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="44"/>
        <source>Free SMS</source>
        <translation>免费短信(条)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="44"/>
        <source>Yuan/SMS</source>
        <translation>元/条</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="44"/>
        <source>Free data (MB)</source>
        <translation>免费流量(MB)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="44"/>
        <source>Yuan/MB</source>
        <translation>元/MB</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="45"/>
        <source>Keeps current plan</source>
        <translation>保留原资费</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="45"/>
        <source>Included add-ons (codes)</source>
        <translation>含附加包(代码)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="56"/>
        <source>Add plan</source>
        <translation>添加资费</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="58"/>
        <source>Add add-on</source>
        <translation>添加附加包</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="60"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="63"/>
        <source>Fees and rates in yuan; an empty rate means the item does not set it. A plan lists the add-ons that come with it by their codes. A plan that keeps the current plan uses its fee as the bill the customer pays today.</source>
        <translation>费用和单价以元计;单价留空表示该项不设此价。资费用代码列出随附的附加包。“保留原资费”一项的月费即客户现在每月的话费。</translation>
    </message>
</context>
<context>
    <name>Reminder</name>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reminder.py" line="73"/>
        <source>Ticket %1 (%2) is overdue: %3</source>
        <translation>工单 %1(%2)已超时:%3</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reminder.py" line="73"/>
        <source>Ticket %1 (%2) is due in %3</source>
        <translation>工单 %1(%2)即将到期,剩余 %3</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reminder.py" line="84"/>
        <source>…and %1 more: see the queue</source>
        <translation>……另有 %1 张,请查看工单列表</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reminder.py" line="94"/>
        <source>Ticket deadlines</source>
        <translation>工单时限提醒</translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="25"/>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="26"/>
        <source>Resolved at first contact</source>
        <translation>首问办结</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="27"/>
        <source>Referred</source>
        <translation>转派部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="28"/>
        <source>Closed on time</source>
        <translation>按时办结</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="29"/>
        <source>Overdue now</source>
        <translation>当前超时</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="30"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="31"/>
        <source>Not satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="32"/>
        <source>Not reachable</source>
        <translation>联系不上</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="33"/>
        <source>Rent waivers owed</source>
        <translation>应免月租</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="65"/>
        <source>Show</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="66"/>
        <source>Export .xlsx…</source>
        <translation>导出 .xlsx…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="69"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="70"/>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="73"/>
        <source>Received from</source>
        <translation>受理日期从</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="75"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="81"/>
        <source>Per window</source>
        <translation>按窗口</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="82"/>
        <source>Per staff member</source>
        <translation>按员工</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="125"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="146"/>
        <source>%1 to %2: %3 ticket(s)</source>
        <translation>%1 至 %2:共 %3 张工单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="184"/>
        <source>Tickets per window</source>
        <translation>各窗口工单情况</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="191"/>
        <source>Export report</source>
        <translation>导出统计表</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="191"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="204"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="209"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1:%2</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="213"/>
        <source>Exporting the report…</source>
        <translation>正在导出统计表…</translation>
    </message>
</context>
<context>
    <name>TicketDetail</name>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="70"/>
        <source>Category:</source>
        <translation>类别:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="70"/>
        <source>Customer:</source>
        <translation>客户:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="70"/>
        <source>Received:</source>
        <translation>受理时间:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="71"/>
        <source>Due:</source>
        <translation>办结时限:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="71"/>
        <source>Owner:</source>
        <translation>首问责任人:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="71"/>
        <source>Content:</source>
        <translation>受理内容:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="72"/>
        <source>Referrals:</source>
        <translation>转派部门:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="72"/>
        <source>Rent waiver:</source>
        <translation>免收月租:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="82"/>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="98"/>
        <source>Actions</source>
        <translation>办理</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="100"/>
        <source>What is asked of the department, its answer, the reply to the customer, or a note</source>
        <translation>填写转派事项、部门答复、回复客户的内容或备注</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="102"/>
        <source>Start</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="103"/>
        <source>Reply to customer</source>
        <translation>回复客户</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="104"/>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="109"/>
        <source>Refer</source>
        <translation>转派</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="111"/>
        <source>Record department answer</source>
        <translation>登记部门答复</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="113"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="114"/>
        <source>Not satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="115"/>
        <source>Not reachable</source>
        <translation>联系不上</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="117"/>
        <source>Handset caused it</source>
        <translation>客户手机原因</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="118"/>
        <source>Customer told it is overdue</source>
        <translation>已告知客户超时</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="120"/>
        <source>Hand to new owner</source>
        <translation>转交新负责人</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="121"/>
        <source>Only when the owner has left; the reason goes in the box above</source>
        <translation>仅限原负责人已离岗时;请在上方输入框写明原因</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="123"/>
        <source>Reason for closing without a reply or callback</source>
        <translation>未回复或未回访即办结的原因</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="124"/>
        <source>Close ticket</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="130"/>
        <source>Refer to</source>
        <translation>转派至</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="130"/>
        <source>answer by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="131"/>
        <source>Answer from</source>
        <translation>答复部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="132"/>
        <source>Callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="133"/>
        <source>Fault</source>
        <translation>故障申告</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="151"/>
        <source>Owner left</source>
        <translation>负责人离岗</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="205"/>
        <source>Select a ticket in the queue</source>
        <translation>请在左侧列表中选择工单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="209"/>
        <source>Ticket %1 · %2</source>
        <translation>工单 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="214"/>
        <source> (key-account customer)</source>
        <translation>(大客户)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="218"/>
        <source>  handset caused: no repair limit</source>
        <translation>  客户手机原因:不计修复时限</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="222"/>
        <source>, first received by %1</source>
        <translation>,首问受理人 %1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="225"/>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="228"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="229"/>
        <source>monthly rent waived from %1 until %2</source>
        <translation>免收障碍期间月租:%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="230"/>
        <source>the repair</source>
        <translation>修复为止</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="234"/>
        <source>answered %1</source>
        <translation>%1 已答复</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="235"/>
        <source>answer due %1</source>
        <translation>应于 %1 前答复</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="305"/>
        <source>Done: %1</source>
        <translation>已完成:%1</translation>
    </message>
</context>
<context>
    <name>TicketSettingsBox</name>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="26"/>
        <source>Ticket time limits and departments</source>
        <translation>工单时限与转交部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="28"/>
        <source>Category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="28"/>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="28"/>
        <source>Hours</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="32"/>
        <source>Save time limits</source>
        <translation>保存时限</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="33"/>
        <source>New limits apply to tickets received from now on</source>
        <translation>新时限只适用于此后受理的工单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="37"/>
        <source>New department</source>
        <translation>新部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="39"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="41"/>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="42"/>
        <source>No new referrals go to it; it still answers those it has</source>
        <translation>不再接收新的转交;已转交给它的仍须答复</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="87"/>
        <source>any</source>
        <translation>不分</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="93"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="100"/>
        <source>%1 (retired)</source>
        <translation>%1(已停用)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="123"/>
        <source>Time limits saved; they apply to tickets received from now on.</source>
        <translation>时限已保存,适用于此后受理的工单。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="134"/>
        <source>Department %1 added</source>
        <translation>已添加部门 %1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="140"/>
        <source>Select the department to retire</source>
        <translation>请先选择要停用的部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="148"/>
        <source>Department %1 retired</source>
        <translation>已停用部门 %1</translation>
    </message>
</context>
<context>
    <name>TicketsModel</name>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="33"/>
        <source>No.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="34"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="35"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="36"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="37"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="38"/>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="39"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="40"/>
        <source>Due</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="41"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="72"/>
        <source>%1 d %2 h</source>
        <translation>%1天%2小时</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="74"/>
        <source>%1 h %2 min</source>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="76"/>
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="77"/>
        <source>overdue %1</source>
        <translation>超时%1</translation>
    </message>
</context>
<context>
    <name>TicketsPage</name>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="35"/>
        <source>My tickets</source>
        <translation>我的工单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="36"/>
        <source>My window</source>
        <translation>本窗口</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="37"/>
        <source>Referred to my department</source>
        <translation>转派本部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="38"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="39"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="40"/>
        <source>All tickets</source>
        <translation>全部工单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="78"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="79"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="80"/>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="81"/>
        <source>All windows</source>
        <translation>全部窗口</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="83"/>
        <source>Owner&apos;s staff no.</source>
        <translation>责任人工号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="86"/>
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="99"/>
        <source>Search content, answers, name or number (e.g. 话费, 信号, 1380013)</source>
        <translation>查找受理内容、答复、客户姓名或号码(如 话费、信号、1380013)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="104"/>
        <source>&amp;New ticket…</source>
        <translation>受理新工单(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="144"/>
        <source>Queue:</source>
        <translation>工单列表:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="174"/>
        <source>Queue</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="175"/>
        <source>Reports</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="212"/>
        <source>%1 found</source>
        <translation>找到 %1 张</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="214"/>
        <source>, newest %1 shown</source>
        <translation>,显示最新 %1 张</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="267"/>
        <source>%1 ticket(s)</source>
        <translation>共 %1 张工单</translation>
    </message>
</context>
<context>
    <name>WorkflowPanel</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/workflow_panel.py" line="25"/>
        <source>Status and history</source>
        <translation>状态与记录</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/workflow_panel.py" line="33"/>
        <source>Operator&apos;s reason for rejecting</source>
        <translation>移动公司退回的原因</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/workflow_panel.py" line="36"/>
        <source>Collect</source>
        <translation>事业部收齐</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/workflow_panel.py" line="37"/>
        <source>Submit</source>
        <translation>办公室提交</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/workflow_panel.py" line="38"/>
        <source>Send to carrier</source>
        <translation>交移动公司</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/workflow_panel.py" line="39"/>
        <source>Activated</source>
        <translation>已开通</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/workflow_panel.py" line="40"/>
        <source>Rejected</source>
        <translation>被退回</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/workflow_panel.py" line="41"/>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/workflow_panel.py" line="73"/>
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/workflow_panel.py" line="75"/>
        <source>Application #%1: %2</source>
        <translation>申请 #%1:%2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../kaccount_desk/ui/main.py" line="40"/>
        <source>Cannot use the database</source>
        <translation>数据库暂时无法使用</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main.py" line="35"/>
        <source>Something went wrong that the program did not expect. Your saved work is in the database; please tell support what you were doing.</source>
        <translation>程序遇到了意外错误。已保存的内容都在数据库中;请告诉技术支持您当时在做什么。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main.py" line="67"/>
        <source>The details are in the log file:</source>
        <translation>详细情况记录在日志文件中:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main.py" line="38"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main.py" line="52"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main.py" line="53"/>
        <source>The database could not be opened:</source>
        <translation>无法打开数据库:</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../kaccount_desk/ui/messages.py" line="27"/>
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
</context>
<context>
    <name>roster_dialogs</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="186"/>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="199"/>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="203"/>
        <source>Export roster</source>
        <translation>导出名单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="187"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="200"/>
        <source>%n application(s) written to:</source>
        <translation>
            <numerusform>已导出 %n 份申请到:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../kaccount_desk/ui/settings.py" line="33"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings.py" line="34"/>
        <source>Last campaign</source>
        <translation>上次使用的办理活动</translation>
    </message>
</context>
<context>
    <name>workers</name>
    <message>
        <location filename="../../kaccount_desk/ui/workers.py" line="121"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StoreBanner</name>
    <message>
        <location filename="../../kaccount_desk/ui/store_banner.py" line="39"/>
        <source>Try again now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/store_banner.py" line="54"/>
        <source>The database cannot be used now: %1
Your input stays here; trying again every %2 seconds.</source>
        <translation>数据库暂时无法使用:%1
已输入的内容仍保留在这里;每 %2 秒自动重试。</translation>
    </message>
</context>
</TS>
