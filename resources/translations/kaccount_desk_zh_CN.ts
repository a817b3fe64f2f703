<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivationsDialog</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/activations_dialog.py" line="31" />
        <source>Import the operator's activation list</source>
        <translation>导入运营商开通清单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/activations_dialog.py" line="32" />
        <source>The operator's list of activated numbers (.xlsx or .csv)</source>
        <translation>运营商返回的已开通号码清单(.xlsx 或 .csv)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/activations_dialog.py" line="33" />
        <source>Numbers the operator opened move from “Sent to carrier” to “Activated”; importing the same list again changes nothing.</source>
        <translation>运营商已开通的号码由“已交移动公司”改为“已开通”;同一份清单再次导入不会改变任何内容。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/activations_dialog.py" line="54" />
        <source>activated %1, already activated %2, not found %3, in another state %4, unreadable %5</source>
        <translation>登记开通 %1,此前已开通 %2,未找到 %3,状态不符 %4,无法读取 %5</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/activations_dialog.py" line="65" />
        <source>The list was not imported: no application changed.</source>
        <translation>清单没有导入:没有任何申请被改动。</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="154" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="155" />
        <source>Lift the lock that five wrong passwords in a row put on this staff ID</source>
        <translation>解除因连续五次密码错误而对此工号的锁定</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="207" />
        <source>Load campaign file…</source>
        <translation>载入活动文件…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="283" />
        <source>Locked until %1</source>
        <translation>锁定到 %1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="145" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="87" />
        <source>Staff and campaigns</source>
        <translation>员工与活动</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="90" />
        <source>Audit log</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="94" />
        <source>Standard answers</source>
        <translation>标准答复</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="147" />
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="178" />
        <source>Staff ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="147" />
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="179" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="147" />
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="180" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="147" />
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="181" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="147" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="150" />
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="305" />
        <source>Mark as left</source>
        <translation>标记为离岗</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="151" />
        <source>The account can no longer log in; a supervisor may then hand its open tickets on</source>
        <translation>该账号将不能登录;之后主管可把其未办结的工单转交他人</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="175" />
        <source>Add staff</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="182" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="183" />
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="184" />
        <source>At least 8 characters, not a common password.</source>
        <translation>密码至少8个字符,且不能是常见密码。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="196" />
        <source>Add a staff member</source>
        <translation>添加员工账号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="202" />
        <source>Campaigns</source>
        <translation>办理活动</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="204" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="204" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="204" />
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="204" />
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="204" />
        <source>Reserved numbers</source>
        <translation>号池号码数</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="209" />
        <source>New campaign…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="211" />
        <source>Edit campaign…</source>
        <translation>编辑活动…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="281" />
        <source>Active</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="281" />
        <source>Left</source>
        <translation>离岗</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="305" />
        <source>Reinstate</source>
        <translation>恢复在岗</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="363" />
        <source>The two passwords differ; type them again.</source>
        <translation>两次输入的密码不一致,请重新输入。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="376" />
        <source>Added %1 %2 (%3); they can log in now.</source>
        <translation>已添加 %1 %2(%3),现在即可登录。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="390" />
        <source>The new staff member typed on the Admin page has not been added yet and would be lost.</source>
        <translation>管理页上填写的新人员还没有添加,将会丢失。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="406" />
        <source>Load campaign</source>
        <translation>载入活动</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/admin_page.py" line="406" />
        <source>Campaign files (*.toml)</source>
        <translation>活动文件 (*.toml)</translation>
    </message>
</context>
<context>
    <name>AdministratorPage</name>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="191" />
        <source>The first administrator</source>
        <translation>第一位管理员</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="192" />
        <source>The administrator then adds clerks, collectors and office staff.</source>
        <translation>管理员之后再添加营业员、统计员和办公室人员。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="199" />
        <source>The password needs at least 8 characters and must not be a common one.</source>
        <translation>密码至少8个字符,且不能是常见密码。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="203" />
        <source>Staff ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="204" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="205" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="206" />
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="224" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>AnswersBox</name>
    <message>
        <location filename="../../kaccount_desk/ui/admin/answers_box.py" line="29" />
        <source>Category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/answers_box.py" line="29" />
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/answers_box.py" line="29" />
        <source>Standard answer</source>
        <translation>标准答复</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/answers_box.py" line="38" />
        <source>Topic (资费, 信号 …)</source>
        <translation>主题(资费、信号…)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/answers_box.py" line="40" />
        <source>The words every channel gives the customer</source>
        <translation>各渠道统一答复客户的说法</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/answers_box.py" line="41" />
        <source>Add answer</source>
        <translation>添加答复</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/answers_box.py" line="45" />
        <source>A phrase replies may not use</source>
        <translation>回复中禁止使用的说法</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/answers_box.py" line="47" />
        <source>Forbid</source>
        <translation>列为忌语</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/answers_box.py" line="57" />
        <source>Standard answers</source>
        <translation>标准答复库</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/answers_box.py" line="66" />
        <source>Forbidden service phrases</source>
        <translation>服务忌语</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/answers_box.py" line="117" />
        <source>Added: %1</source>
        <translation>已添加:%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/answers_box.py" line="128" />
        <source>Replies using “%1” will be held</source>
        <translation>含“%1”的回复将被拦下</translation>
    </message>
</context>
<context>
    <name>ApplicationsModel</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_model.py" line="26" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_model.py" line="27" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_model.py" line="28" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_model.py" line="29" />
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_model.py" line="30" />
        <source>Kept/new</source>
        <translation>老号/新号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_model.py" line="31" />
        <source>Plan</source>
        <translation>资费</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_model.py" line="32" />
        <source>Copies</source>
        <translation>复印件</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_model.py" line="33" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_model.py" line="34" />
        <source>Updated</source>
        <translation>更新</translation>
    </message>
</context>
<context>
    <name>ApplicationsPage</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="63" />
        <source>Name, number or last digits of the ID</source>
        <translation>姓名、号码或证件号码末几位</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="164" />
        <source>Select all of this department</source>
        <translation>选中本部门全部</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="100" />
        <source>No campaign yet. An administrator loads one on the Admin page.</source>
        <translation>尚无办理活动。请管理员在“管理”页载入活动。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="165" />
        <source>Move selected to</source>
        <translation>选中的申请改为</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="173" />
        <source>Print their application forms</source>
        <translation>打印选中人员的申请表</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="175" />
        <source>Print their ID-copy sheets</source>
        <translation>打印选中人员的身份证复印件</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="178" />
        <source>Export selected…</source>
        <translation>导出选中的申请…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="183" />
        <source>Hand over to the operator (file with ID data)…</source>
        <translation>移交运营商(含身份证信息的文件)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="185" />
        <source>Import the operator's activation list…</source>
        <translation>导入运营商开通清单…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="188" />
        <source>Batch</source>
        <translation>批量办理</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="200" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="234" />
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="235" />
        <source>All plans</source>
        <translation>全部资费</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="291" />
        <source>%n application(s)</source>
        <translation>
            <numerusform>共 %n 份申请</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="292" />
        <source>%n selected</source>
        <translation>
            <numerusform>已选 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="338" />
        <source>Rejected</source>
        <translation>被退回</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="338" />
        <source>Operator's reason for rejecting</source>
        <translation>移动公司退回的原因</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="342" />
        <source>Move applications</source>
        <translation>批量办理申请</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kaccount_desk/ui/enrollment/applications_page.py" line="343" />
        <source>Move %n selected application(s) to “%1”?</source>
        <translation>
            <numerusform>把选中的 %n 份申请改为“%1”?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/appointment_dialog.py" line="39" />
        <source>Reschedule the visit</source>
        <translation>改约上门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/appointment_dialog.py" line="39" />
        <source>Book a repair visit</source>
        <translation>预约上门维修</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/appointment_dialog.py" line="49" />
        <source>Who goes to the customer</source>
        <translation>上门人员</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/appointment_dialog.py" line="51" />
        <source>Why the visit is moved (kept in the history)</source>
        <translation>改约原因(记入处理记录)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/appointment_dialog.py" line="55" />
        <source>Day:</source>
        <translation>日期:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/appointment_dialog.py" line="58" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/appointment_dialog.py" line="61" />
        <source>Time window:</source>
        <translation>时段:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/appointment_dialog.py" line="62" />
        <source>Visitor:</source>
        <translation>上门人员:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/appointment_dialog.py" line="64" />
        <source>Reason:</source>
        <translation>改约原因:</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="36" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="37" />
        <source>Time (UTC+8)</source>
        <translation>时间(北京时间)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="38" />
        <source>Staff ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="39" />
        <source>Action</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="40" />
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="41" />
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="79" />
        <source>All actions</source>
        <translation>全部事项</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="83" />
        <source>Staff ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="90" />
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="92" />
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="93" />
        <source>Check the chain</source>
        <translation>校验记录链</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="94" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="137" />
        <source>Audit alarm: </source>
        <translation>审计告警:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="157" />
        <source>%n entries</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="163" />
        <source>Checking the chain…</source>
        <translation>正在校验记录链…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="170" />
        <source>The audit log is intact: %n entries.</source>
        <translation>
            <numerusform>审计记录完整:共 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="171" />
        <source>Latest entry: </source>
        <translation>最新记录:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="173" />
        <source>The audit log was tampered with: </source>
        <translation>审计记录被改动:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="177" />
        <source>Audit log</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="178" />
        <source>Export the audit log</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="178" />
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="183" />
        <source>Exporting the audit log</source>
        <translation>正在导出审计记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kaccount_desk/ui/admin/audit_panel.py" line="184" />
        <source>%n entries written to </source>
        <translation>
            <numerusform>已写入 %n 条记录:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchResultDialog</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/batch_dialog.py" line="24" />
        <source>Batch result</source>
        <translation>批量办理结果</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/batch_dialog.py" line="27" />
        <source>Moved to %1: %2; refused: %3</source>
        <translation>已改为%1:%2 份;未通过:%3 份</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/batch_dialog.py" line="31" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/batch_dialog.py" line="31" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/batch_dialog.py" line="31" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/batch_dialog.py" line="37" />
        <source>Moved</source>
        <translation>已办理</translation>
    </message>
</context>
<context>
    <name>CallerBox</name>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/caller_box.py" line="56" />
        <source>This number has open or recently closed tickets. If the customer calls about the same matter, add this contact to that ticket instead of opening a new one:</source>
        <translation>此号码有未办结或近7天内办结的工单。客户如为同一事项来电,请记入原工单,不要重复受理:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/caller_box.py" line="65" />
        <source>Add as a contact to the selected ticket</source>
        <translation>记入所选工单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/caller_box.py" line="67" />
        <source>What the customer says now (the content box) goes into that ticket's history; a closed ticket reopens to its first receiver</source>
        <translation>客户这次所说的内容(受理内容框)记入该工单的处理记录;已办结的工单重新打开,交回首问责任人</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/caller_box.py" line="116" />
        <source>Customer card: %1</source>
        <translation>客户档案:%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/caller_box.py" line="124" />
        <source>Key-account customer by the operator's bills: %1. The ticket is saved as a key-account ticket.</source>
        <translation>按账单为大客户:%1。本工单按大客户工单受理。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/caller_box.py" line="141" />
        <source>Key-account customer: %1 · %2 (%3). The ticket is saved as a key-account ticket.</source>
        <translation>大客户:%1 · %2(%3)。本工单按大客户工单受理。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/caller_box.py" line="145" />
        <source> Tier by the bills: %1.</source>
        <translation>账单级别:%1。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/caller_box.py" line="151" />
        <source>closed %1</source>
        <translation>%1办结</translation>
    </message>
</context>
<context>
    <name>CampaignBox</name>
    <message>
        <location filename="../../kaccount_desk/ui/campaign_box.py" line="35" />
        <source> — closed</source>
        <translation>(已截止)</translation>
    </message>
</context>
<context>
    <name>CampaignEditor</name>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="53" />
        <source>New campaign</source>
        <translation>新建办理活动</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="53" />
        <source>Edit campaign</source>
        <translation>编辑办理活动</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="55" />
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="56" />
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="57" />
        <source>Number pool</source>
        <translation>号池</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="58" />
        <source>Plans and add-ons</source>
        <translation>资费与附加包</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="93" />
        <source>Only China Mobile numbers may join</source>
        <translation>只接受中国移动号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="96" />
        <source>Packages that cannot join, separated by 、 or commas</source>
        <translation>不能办理的套餐,用“、”或逗号分隔</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="99" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="100" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="101" />
        <source>Issued by</source>
        <translation>发文单位</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="102" />
        <source>Carrier branch</source>
        <translation>移动公司</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="103" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="104" />
        <source>Issued on</source>
        <translation>发文日期</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="105" />
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="107" />
        <source>Excluded packages</source>
        <translation>不能办理的套餐</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="112" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="112" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="118" />
        <source>Add department</source>
        <translation>添加部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="120" />
        <source>Remove department</source>
        <translation>删除部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="152" />
        <source>A 9-digit prefix reserves its hundred numbers (…00 to …99); single numbers have 11 digits. One per line.</source>
        <translation>9 位号段预留该号段的 100 个号码(…00 至 …99);单个号码为 11 位。每行一个。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="156" />
        <source>Prefixes</source>
        <translation>号段</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="157" />
        <source>Single numbers</source>
        <translation>单个号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/campaign_editor.py" line="231" />
        <source>The campaign being edited has changes that have not been saved. Save them now?</source>
        <translation>正在编辑的活动有未保存的修改。现在保存吗?</translation>
    </message>
</context>
<context>
    <name>ConfirmList</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/confirmations_panel.py" line="41" />
        <source>I have checked</source>
        <translation>已核实</translation>
    </message>
</context>
<context>
    <name>CopySlot</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="58" />
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="123" />
        <source>Drop, paste (Ctrl+V)
or choose an image</source>
        <translation>拖入、粘贴(Ctrl+V)
或选择图片</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="67" />
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="68" />
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="72" />
        <source>Enlarge</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="73" />
        <source>Open the copy at full size (Enter, or double-click the picture)</source>
        <translation>查看原图(Enter,或双击图片)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="74" />
        <source>Turn ↻</source>
        <translation>旋转 ↻</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="75" />
        <source>Turn the copy a quarter to the right (R)</source>
        <translation>向右旋转90度(R)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="76" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="77" />
        <source>Remove this copy, after a confirmation (Delete)</source>
        <translation>删除这张复印件,删除前会确认(Delete)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="138" />
        <source>ID card image</source>
        <translation>身份证图片</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="137" />
        <source>Images (%1)</source>
        <translation>图片 (%1)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="153" />
        <source>Remove copy</source>
        <translation>删除复印件</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="153" />
        <source>Remove the %1 of the ID card from this application? It must then be attached again.</source>
        <translation>从此申请中删除身份证%1复印件?删除后需要重新上传。</translation>
    </message>
</context>
<context>
    <name>CopyViewer</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copy_viewer.py" line="34" />
        <location filename="../../kaccount_desk/ui/enrollment/id_copy_viewer.py" line="65" />
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copy_viewer.py" line="35" />
        <source>Switch between fitting the window and the image's real size (Ctrl+0)</source>
        <translation>在“适合窗口”和“实际大小”之间切换(Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copy_viewer.py" line="38" />
        <source>Turn left</source>
        <translation>向左旋转</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copy_viewer.py" line="40" />
        <source>Turn the copy a quarter to the left (Ctrl+L); the stored and printed copy turn too</source>
        <translation>向左旋转90度(Ctrl+L);保存和打印的复印件也一起旋转</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copy_viewer.py" line="41" />
        <source>Turn right</source>
        <translation>向右旋转</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copy_viewer.py" line="43" />
        <source>Turn the copy a quarter to the right (Ctrl+R); the stored and printed copy turn too</source>
        <translation>向右旋转90度(Ctrl+R);保存和打印的复印件也一起旋转</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copy_viewer.py" line="65" />
        <source>Fit to window</source>
        <translation>适合窗口</translation>
    </message>
</context>
<context>
    <name>CustomerCardView</name>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="59" />
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="61" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="59" />
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="59" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="59" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="60" />
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="61" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="60" />
        <source>Taken on</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="61" />
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="61" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="61" />
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="62" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="62" />
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="62" />
        <source>Average a month (yuan)</source>
        <translation>月均消费(元)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="62" />
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="67" />
        <source>Applications</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="67" />
        <source>Tickets, open ones first</source>
        <translation>工单(未办结的在前)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="69" />
        <source>Tier by month</source>
        <translation>各月级别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="85" />
        <source>not a key account</source>
        <translation>非大客户</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="89" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="92" />
        <source>Company: %1, %2; account manager: %3</source>
        <translation>集团客户:%1,%2;客户经理:%3</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="95" />
        <source>Not a member of a company in this archive</source>
        <translation>不是档案中任何集团客户的成员</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="97" />
        <source>This number's own account manager: %1 %2</source>
        <translation>本号码的客户经理:%1 %2</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="100" />
        <source>%1: average %2 yuan a month; RFM %3-%4-%5 (recency, frequency, monetary; 5 is best)</source>
        <translation>%1:月均消费 %2 元;RFM %3-%4-%5(最近消费、消费频率、消费金额;5 分最高)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="104" />
        <source>No bills imported for this number</source>
        <translation>此号码尚无导入的账单</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kaccount_desk/ui/customers/customer_card.py" line="105" />
        <source>%n open ticket(s)</source>
        <translation>
            <numerusform>%n 张未办结工单</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customers_page.py" line="30" />
        <source>Number, name, company or ID's last 4</source>
        <translation>号码、姓名、集团客户或证件后四位</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customers_page.py" line="31" />
        <source>A mobile number (or its last digits), a name, a company, or the last four characters of the ID number (Ctrl+F)</source>
        <translation>手机号码(或其后几位)、姓名、集团客户,或证件号码的后四位(Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customers_page.py" line="35" />
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customers_page.py" line="42" />
        <source>Import a company's &amp;member list…</source>
        <translation>导入集团成员清单(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customers_page.py" line="43" />
        <source>Add the numbers of the operator's member list (.xlsx or .csv) to a company</source>
        <translation>把移动公司集团成员清单(.xlsx 或 .csv)中的号码加为集团客户的成员</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customers_page.py" line="46" />
        <source>Search for a customer to see their card</source>
        <translation>查找客户,查看客户档案</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kaccount_desk/ui/customers/customers_page.py" line="92" />
        <source>%n customer(s) found</source>
        <translation>
            <numerusform>找到 %n 位客户</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customers_page.py" line="97" />
        <source>Nothing found</source>
        <translation>没有找到</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/customers_page.py" line="112" />
        <source>No record of this number</source>
        <translation>没有此号码的档案</translation>
    </message>
</context>
<context>
    <name>EstimatePanel</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/estimate_panel.py" line="33" />
        <source>Tariff estimate</source>
        <translation>资费估算</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/estimate_panel.py" line="40" />
        <source>not given</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/estimate_panel.py" line="41" />
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/estimate_panel.py" line="53" />
        <source>In-group min</source>
        <translation>网内分钟</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/estimate_panel.py" line="53" />
        <source>Out-of-group min</source>
        <translation>网外分钟</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/estimate_panel.py" line="53" />
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/estimate_panel.py" line="53" />
        <source>Data MB</source>
        <translation>流量(MB)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/estimate_panel.py" line="57" />
        <source>Current monthly fee</source>
        <translation>现在的月费</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/estimate_panel.py" line="96" />
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/estimate_panel.py" line="101" />
        <source>Enter the current monthly fee to compare keeping the current plan.</source>
        <translation>填入现在的月费,即可与“保留原资费”比较。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="99" />
        <source>KAccount Desk — first start</source>
        <translation>大客户业务受理 — 首次启动</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="101" />
        <source>This database has no staff yet. Create the administrator account; the administrator then adds clerks, collectors and office staff.</source>
        <translation>此数据库还没有员工账号。请先建立管理员账号,再由管理员添加营业员、事业部统计员和办公室人员。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="109" />
        <source>Load the sample campaign (2012 notice)</source>
        <translation>载入示例活动(2012年通知)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="113" />
        <source>Staff ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="114" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="115" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="116" />
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="117" />
        <source>At least 8 characters, not a common password.</source>
        <translation>密码至少8个字符,且不能是常见密码。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="122" />
        <source>Create administrator</source>
        <translation>建立管理员</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="150" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="164" />
        <source>Sample campaign not loaded</source>
        <translation>示例活动未能载入</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="181" />
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="355" />
        <source>KAccount Desk — first start</source>
        <translation>大客户业务受理 — 首次启动</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="362" />
        <source>&amp;Create</source>
        <translation>建立(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="425" />
        <source>Go back to change it.</source>
        <translation>请返回修改。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="405" />
        <source>Organisation not saved</source>
        <translation>单位名称未保存</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="407" />
        <source>Sample campaign not loaded</source>
        <translation>示例活动未能载入</translation>
    </message>
</context>
<context>
    <name>HandoverImportDialog</name>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="88" />
        <source>Import a department's hand-over package</source>
        <translation>导入部门交接包</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="90" />
        <source>A package from a department's seat (.kahp; it carries ID data)</source>
        <translation>部门受理点发来的交接包(.kahp,含身份证信息)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="92" />
        <source>Choose &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="94" />
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="97" />
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="100" />
        <source>Save a &amp;receipt for the seat…</source>
        <translation>保存给受理点的回执(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="105" />
        <source>Choose a package and preview it: nothing changes until you import.</source>
        <translation>请选择交接包并先预览:点“导入”之前不会有任何改动。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="115" />
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="135" />
        <source>Open a hand-over package</source>
        <translation>打开交接包</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="135" />
        <source>Hand-over packages (*%1)</source>
        <translation>交接包 (*%1)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="181" />
        <source>Save the receipt for the seat</source>
        <translation>保存给受理点的回执</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="182" />
        <source>Receipts for a seat (*%1)</source>
        <translation>受理点回执 (*%1)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="188" />
        <source>Receipt saved</source>
        <translation>回执已保存</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="189" />
        <source>The receipt for package %1 of %2 was written to:
%3

Take it back to the department's seat: there, File → Packages sent to the office… → Read the office's receipt… marks the package as received by the office.</source>
        <translation>%2第 %1 个交接包的回执已写入:
%3

请把它交回该部门的受理点:在受理点选择“文件 → 已发给办公室的交接包… → 读取办公室回执…”,该交接包即标记为办公室已收到。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="198" />
        <source>Package %1 of %2 was imported already: importing it again changes nothing.</source>
        <translation>%2的第 %1 个交接包已经导入过,再次导入不会有任何改动。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="200" />
        <source>Preview of package %1 of %2 (nothing has changed yet):</source>
        <translation>%2的第 %1 个交接包预览(尚未改动任何数据):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="202" />
        <source>Package %1 of %2 imported:</source>
        <translation>%2的第 %1 个交接包已导入:</translation>
    </message>
</context>
<context>
    <name>HandoverPreviewModel</name>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="29" />
        <source>Seat no.</source>
        <translation>受理点编号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="30" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="31" />
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="32" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/import_dialog.py" line="33" />
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>IdCopiesWidget</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="208" />
        <source>Front (photo side)</source>
        <translation>正面(照片面)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="209" />
        <source>Back (issuing authority)</source>
        <translation>反面(签发机关)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="279" />
        <source>pasted image</source>
        <translation>粘贴的图片</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="281" />
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="287" />
        <source>The clipboard holds no image or image file.</source>
        <translation>剪贴板中没有图片或图片文件。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="303" />
        <source>Save the application first (see the reasons at the top), then attach the copy.</source>
        <translation>请先保存申请(见上方原因),再添加身份证复印件。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="310" />
        <source>Attached ✓</source>
        <translation>已添加 ✓</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="343" />
        <source>Turned ✓</source>
        <translation>已旋转 ✓</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="349" />
        <source>Removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/id_copies_widget.py" line="361" />
        <source>%1 — application %2</source>
        <translation>%1 — 申请 %2</translation>
    </message>
</context>
<context>
    <name>ImportReportModel</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="26" />
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="27" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="28" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="29" />
        <source>Reasons and warnings</source>
        <translation>原因与提醒</translation>
    </message>
</context>
<context>
    <name>ImportRosterDialog</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="108" />
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="185" />
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="213" />
        <source>Import roster</source>
        <translation>导入名单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="110" />
        <source>A department's roster (.xlsx or .csv)</source>
        <translation>部门报来的名单(.xlsx 或 .csv)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="140" />
        <source>The refused rows as the department sent them, with a reason column, to send back</source>
        <translation>按部门报来的原样保存未通过的行,并加一列原因,退回给部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="111" />
        <source>Choose &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="114" />
        <source>(from the sheet's department column)</source>
        <translation>(按表中的“部门”列)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="117" />
        <source>For a sheet without a department column, or rows left blank there</source>
        <translation>用于没有“部门”列的表,或该列留空的行</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="118" />
        <source>D&amp;ry run (check only)</source>
        <translation>试导入(只检查,不写入)(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="120" />
        <source>&amp;Check / import</source>
        <translation>检查 / 导入(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="139" />
        <source>&amp;Save refused rows…</source>
        <translation>保存未通过的行(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="150" />
        <source>&amp;Department:</source>
        <translation>部门(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="185" />
        <source>Rosters (*.xlsx *.csv);;All files (*)</source>
        <translation>名单 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="203" />
        <source>Choose a roster file first.</source>
        <translation>请先选择名单文件。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="208" />
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="208" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="220" />
        <source>new %1, updated %2, unchanged %3, refused %4</source>
        <translation>新增 %1,更新 %2,未变 %3,拒收 %4</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="223" />
        <source>Dry run, nothing was written:</source>
        <translation>试导入,未写入任何数据:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="223" />
        <source>Imported:</source>
        <translation>已导入:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="240" />
        <source>refused</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="242" />
        <source>Save refused rows</source>
        <translation>保存未通过的行</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="250" />
        <source>%1 refused rows saved to %2</source>
        <translation>已将 %1 行未通过的记录保存到 %2</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="256" />
        <source>Import cancelled: nothing was written.</source>
        <translation>已取消导入:未写入任何数据。</translation>
    </message>
</context>
<context>
    <name>IntakeChecks</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_checks.py" line="165" />
        <source>The number the person keeps</source>
        <translation>申请人保留的老号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_checks.py" line="165" />
        <source>Type the number or press F4 to choose one</source>
        <translation>输入号码,或按 F4 选号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_checks.py" line="173" />
        <source>Customer card: %1</source>
        <translation>客户档案:%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_checks.py" line="175" />
        <source>Same ID number as %1: %2</source>
        <translation>与 %1 的证件号码相同:%2</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_checks.py" line="194" />
        <source>Changes not saved yet (Enter saves)</source>
        <translation>修改尚未保存(按 Enter 保存)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_checks.py" line="194" />
        <source>Not saved yet (Enter saves)</source>
        <translation>尚未保存(按 Enter 保存)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_checks.py" line="197" />
        <source>Only the confirmation below is missing</source>
        <translation>只差下面的确认</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_checks.py" line="197" />
        <source>Nothing missing ✓</source>
        <translation>材料齐全 ✓</translation>
    </message>
</context>
<context>
    <name>IntakeDrafts</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_drafts.py" line="142" />
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_drafts.py" line="142" />
        <source>Discard what was typed since the last save?</source>
        <translation>放弃上次保存以来填写的内容?</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_drafts.py" line="153" />
        <source>Changes discarded</source>
        <translation>已放弃修改</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_drafts.py" line="157" />
        <source>The application in the form has not been saved. Save it as a draft now?</source>
        <translation>表单中的申请还没有保存。现在保存为草稿吗?</translation>
    </message>
</context>
<context>
    <name>IntakeFieldWidgets</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="47" />
        <source>Type to search the campaign's departments</source>
        <translation>输入以查找本次活动的部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="55" />
        <source>Keep &amp;old number</source>
        <translation>保留老号(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="56" />
        <source>&amp;New number from the pool</source>
        <translation>从号池选新号(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="63" />
        <source>Choose… (F4)</source>
        <translation>选号…(F4)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="66" />
        <source>Packages the number has now, e.g. from the bill</source>
        <translation>该号码现已办理的业务,可参照话费单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="68" />
        <source>— choose a plan —</source>
        <translation>— 请选择资费 —</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="75" />
        <source>No add-ons beyond those the plan includes</source>
        <translation>除资费已含的附加包外不加办</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="110" />
        <source>Late acceptance &amp;reason:</source>
        <translation>逾期接收原因(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="113" />
        <source>De&amp;partment:</source>
        <translation>部门(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="114" />
        <source>N&amp;ame:</source>
        <translation>姓名(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="115" />
        <source>Document t&amp;ype:</source>
        <translation>证件类型(&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="116" />
        <source>&amp;ID number:</source>
        <translation>证件号码(&amp;I):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="117" />
        <source>Number source:</source>
        <translation>号码来源:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="118" />
        <source>&amp;Mobile number:</source>
        <translation>手机号码(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="119" />
        <source>Current pac&amp;kages:</source>
        <translation>已办业务(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="120" />
        <source>P&amp;lan:</source>
        <translation>资费方式(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="121" />
        <source>A&amp;dd-ons:</source>
        <translation>附加包(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="122" />
        <source>No&amp;te:</source>
        <translation>备注(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="214" />
        <source>%1 — current fee + %2 yuan a month</source>
        <translation>%1 — 原资费 + 每月 %2 元</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="214" />
        <source>%1 — %2 yuan a month</source>
        <translation>%1 — 每月 %2 元</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_fields.py" line="239" />
        <source>%1 (+%2 yuan)</source>
        <translation>%1(+%2 元)</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="101" />
        <source>&amp;Save (Enter)</source>
        <translation>保存(&amp;S)(Enter)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="102" />
        <source>Next application (Ctrl+N)</source>
        <translation>下一份申请(Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="103" />
        <source>Dis&amp;card changes</source>
        <translation>放弃修改(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="127" />
        <source>ID card copies</source>
        <translation>身份证复印件</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="129" />
        <source>Still needed before it can move on</source>
        <translation>提交前还缺少</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_form.py" line="227" />
        <source>Application #%1 saved; this is a new one</source>
        <translation>申请 #%1 已保存;现在填写下一份</translation>
    </message>
</context>
<context>
    <name>IntakeStore</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_store.py" line="183" />
        <source>Application #%1</source>
        <translation>申请 #%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_store.py" line="248" />
        <source>Saved as draft #%1 with the problems listed; it cannot move on until they are fixed</source>
        <translation>已存为草稿 #%1,所列问题改正之前不能继续办理</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_store.py" line="251" />
        <source>Saved — application #%1</source>
        <translation>已保存 — 申请 #%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/intake_store.py" line="300" />
        <source>Application #%1 is now: %2</source>
        <translation>申请 #%1 现为:%2</translation>
    </message>
</context>
<context>
    <name>InterruptedHandover</name>
    <message>
        <location filename="../../kaccount_desk/ui/handover/interrupted.py" line="20" />
        <source>An interrupted hand-over</source>
        <translation>中断的移交</translation>
    </message>
</context>
<context>
    <name>LazyTableModel</name>
    <message>
        <location filename="../../kaccount_desk/ui/lazy_table.py" line="40" />
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="225" />
        <source>KAccount Desk — log in</source>
        <translation>大客户业务受理 — 登录</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="230" />
        <source>Staff ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="231" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/login.py" line="237" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kaccount_desk/ui/pages.py" line="79" />
        <source>Enrollment</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/pages.py" line="80" />
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/pages.py" line="81" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/pages.py" line="83" />
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/pages.py" line="86" />
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/pages.py" line="87" />
        <source>My day</source>
        <translation>我的一天</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/pages.py" line="89" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/pages.py" line="90" />
        <source>Outages</source>
        <translation>计划停机</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main_window.py" line="67" />
        <source>KAccount Desk — key-account intake</source>
        <translation>大客户业务受理台</translation>
    </message>
</context>
<context>
    <name>MakePackDialog</name>
    <message>
        <location filename="../../kaccount_desk/ui/handover/pack_dialog.py" line="29" />
        <source>Campaign pack for a department's seat</source>
        <translation>为部门受理点制作活动包</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/pack_dialog.py" line="35" />
        <source>The seat takes applications with the same form and rules, and may give only the numbers allotted here; the office's own intake no longer offers them.</source>
        <translation>受理点用同样的表单和规则受理申请,只能选用这里分配的号码;办公室自己受理时不再提供这些号码。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/pack_dialog.py" line="39" />
        <source>&amp;Department:</source>
        <translation>部门(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/pack_dialog.py" line="40" />
        <source>&amp;Numbers to allot:</source>
        <translation>分配号码数(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/pack_dialog.py" line="42" />
        <source>&amp;Save pack…</source>
        <translation>保存活动包(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/pack_dialog.py" line="61" />
        <source>Save the campaign pack</source>
        <translation>保存活动包</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/pack_dialog.py" line="62" />
        <source>Campaign packs (*%1)</source>
        <translation>活动包 (*%1)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/pack_dialog.py" line="67" />
        <source>Campaign pack</source>
        <translation>活动包</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/pack_dialog.py" line="68" />
        <source>Pack for %1 written to %2, with %3 numbers (%4 to %5).</source>
        <translation>%1的活动包已保存到 %2,分配号码 %3 个(%4 至 %5)。</translation>
    </message>
</context>
<context>
    <name>MemberListDialog</name>
    <message>
        <location filename="../../kaccount_desk/ui/customers/member_list_dialog.py" line="34" />
        <source>Import a company's member list</source>
        <translation>导入集团成员清单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/member_list_dialog.py" line="35" />
        <source>The operator's list of the company's member numbers (.xlsx or .csv)</source>
        <translation>移动公司提供的集团成员号码清单(.xlsx 或 .csv)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/member_list_dialog.py" line="36" />
        <source>The list's numbers become members of the company; importing the same list again changes nothing, and members the list does not name stay.</source>
        <translation>清单中的号码成为该集团客户的成员;同一份清单再次导入不会改变任何内容,清单中没有的已有成员保留。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/member_list_dialog.py" line="40" />
        <source>Company:</source>
        <translation>集团客户:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/member_list_dialog.py" line="53" />
        <source>No company in the archive yet: add the company first (company add).</source>
        <translation>档案中还没有集团客户:请先建立集团客户(company add)。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/member_list_dialog.py" line="68" />
        <source>new members %1, already members %2, refused %3; %4 member(s) not in this list kept; %5 member(s) in all</source>
        <translation>新成员 %1,已是成员 %2,拒收 %3;清单中没有的 %4 个已有成员保留;现有成员共 %5 个</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/member_list_dialog.py" line="82" />
        <source>The list was not imported:</source>
        <translation>清单没有导入:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/customers/member_list_dialog.py" line="84" />
        <source>The list was not imported: no member was added.</source>
        <translation>清单没有导入:没有添加任何成员。</translation>
    </message>
</context>
<context>
    <name>MovesPanel</name>
    <message>
        <location filename="../../kaccount_desk/ui/managers/moves_panel.py" line="32" />
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/moves_panel.py" line="32" />
        <source>Move</source>
        <translation>异动</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/moves_panel.py" line="32" />
        <source>Tier before</source>
        <translation>原级别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/moves_panel.py" line="32" />
        <source>Tier now</source>
        <translation>现级别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/moves_panel.py" line="33" />
        <source>Monthly average (yuan)</source>
        <translation>月均消费(元)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/moves_panel.py" line="49" />
        <source>%1: %2 tier move(s), %3 of them down or out</source>
        <translation>%1:异动 %2 个,其中降级或退出 %3 个</translation>
    </message>
</context>
<context>
    <name>MyDayPage</name>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="74" />
        <source>Whose day to show, and whom a new task is for</source>
        <translation>查看哪位客户经理的一天,新任务也派给他</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="79" />
        <source>When</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="79" />
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="102" />
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="140" />
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="79" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="79" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="79" />
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="101" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="80" />
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="82" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="83" />
        <source>Mark the chosen task done</source>
        <translation>把选中的任务标记为已完成</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="87" />
        <source>New task: what to do</source>
        <translation>新任务:要做什么</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="97" />
        <source>Customer's number (optional)</source>
        <translation>客户号码(可不填)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="99" />
        <source>Add task</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="101" />
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="101" />
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="101" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="102" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="102" />
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="105" />
        <source>The billing month whose tier changes (异动) to follow up, as 2026-03</source>
        <translation>要跟进哪个账期的异动,写作 2026-03</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="108" />
        <source>Follow up the month's drops</source>
        <translation>生成该月降级跟进任务</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="109" />
        <source>A follow-up task for each number whose tier dropped that month, for its account manager; made once per number and month</source>
        <translation>该月每个降级的号码,给它的客户经理生成一个跟进任务;每个号码每月只生成一次</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="128" />
        <source>My day: overdue first, then today, then the next 7 days</source>
        <translation>我的一天:先列已逾期,再列今天,然后是未来7天</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="158" />
        <source>My customers' open tickets</source>
        <translation>我的客户未办结工单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="159" />
        <source>The month's tier moves (异动)</source>
        <translation>月度级别异动</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="220" />
        <source>Open tickets of my customers: %n</source>
        <translation>
            <numerusform>我的客户未办结工单:%n 张</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="270" />
        <source>%1: %2 follow-up task(s) made, %3 there already, %4 number(s) without a manager</source>
        <translation>%1:新建跟进任务 %2 个,已有 %3 个,无客户经理的号码 %4 个</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="283" />
        <source>%n task(s) overdue</source>
        <translation>
            <numerusform>%n 个任务已逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="285" />
        <source>%n task(s) due today</source>
        <translation>
            <numerusform>%n 个任务今天到期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/managers/my_day_page.py" line="286" />
        <source>Reminder: </source>
        <translation>提醒:</translation>
    </message>
</context>
<context>
    <name>OpenTicketForm</name>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="52" />
        <source>Receive a customer's matter</source>
        <translation>受理客户诉求</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="59" />
        <source>not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="71" />
        <source>11-digit mobile number</source>
        <translation>11位手机号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="72" />
        <source>&amp;Key-account customer</source>
        <translation>大客户(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="91" />
        <source>&amp;Save (Enter / Ctrl+Enter)</source>
        <translation>保存(&amp;S)(回车 / Ctrl+回车)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="98" />
        <source>&amp;Category:</source>
        <translation>类别(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="99" />
        <source>C&amp;hannel:</source>
        <translation>渠道(&amp;H):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="100" />
        <source>&amp;Window:</source>
        <translation>窗口(&amp;W):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="101" />
        <source>Customer &amp;name:</source>
        <translation>客户姓名(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="102" />
        <source>&amp;Mobile number:</source>
        <translation>手机号码(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="105" />
        <source>&amp;Area:</source>
        <translation>区域(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="106" />
        <source>C&amp;ontent:</source>
        <translation>内容(&amp;O):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="107" />
        <source>Received (&amp;letters):</source>
        <translation>收到时间(信函)(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="118" />
        <source>You receive it, so you own it until the customer confirms (first-contact responsibility).</source>
        <translation>由您受理,就由您负责到底,直到客户确认(首问负责制)。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="75" />
        <source>Where the fault is: a fault is repaired within 48 hours in towns, 72 in rural areas</source>
        <translation>故障所在区域:城镇48小时内修复,农村72小时内修复</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="77" />
        <source>What the customer asks or reports, in their words</source>
        <translation>按客户原话记录咨询、查询、投诉或申告内容</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="93" />
        <source>&amp;Print receipt</source>
        <translation>打印受理回执(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="248" />
        <source>Ticket %1 opened, due %2. You own it until the customer confirms.</source>
        <translation>工单 %1 已受理,办结时限 %2。您是首问责任人,负责到客户确认为止。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="288" />
        <source>Contact added to ticket %1; no new ticket was opened.</source>
        <translation>已记入工单 %1,未新建工单。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="291" />
        <source>The ticket reopens to %1.</source>
        <translation>工单已重新打开,由 %1 负责。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/open_ticket_form.py" line="317" />
        <source>The new ticket's form holds typing that has not been saved. Open the ticket now?</source>
        <translation>新工单表单中有尚未保存的内容。现在开单吗?</translation>
    </message>
</context>
<context>
    <name>OperatorHandoverDialog</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="39" />
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="119" />
        <source>Hand over to the operator</source>
        <translation>移交运营商</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="41" />
        <source>The hand-over file holds full ID numbers and ID-card copies: its name says so. Keep it on this PC or a USB stick you carry, and hand it to the operator's counter in person. The applications handed over move to “Sent to carrier” when the file is written, and only then.</source>
        <translation>移交文件含完整身份证号码和身份证复印件,文件名中已注明。请只存放在本机或随身携带的U盘中,并当面交给运营商营业厅。文件写好的同时,移交的申请才改为“已交移动公司”。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="47" />
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="50" />
        <source>Where the file goes (a folder or a .zip name)</source>
        <translation>文件保存位置(文件夹或 .zip 文件名)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="51" />
        <source>Choose &amp;where…</source>
        <translation>选择位置(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="53" />
        <source>&amp;Hand over</source>
        <translation>移交(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="60" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="60" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="60" />
        <source>Why it stayed behind</source>
        <translation>未移交原因</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="67" />
        <source>&amp;Department:</source>
        <translation>部门(&amp;D):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="71" />
        <source>Save to:</source>
        <translation>保存到:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="100" />
        <source>Save the operator's hand-over (contains ID numbers and ID-card copies)</source>
        <translation>保存移交运营商文件(含身份证号码和身份证复印件)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="101" />
        <source>Hand-over with ID data (*.zip)</source>
        <translation>含身份证信息的移交文件 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="110" />
        <source>Choose where the file goes first.</source>
        <translation>请先选择文件保存位置。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="114" />
        <source>Writing the hand-over…</source>
        <translation>正在写入移交文件…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="125" />
        <source>%n application(s) handed over, now “Sent to carrier”. The file:</source>
        <translation>
            <numerusform>已移交 %n 份申请,状态已改为“已交移动公司”。文件:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="127" />
        <source>Checksum (SHA-256): %1</source>
        <translation>校验值(SHA-256):%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="130" />
        <source>%n submitted application(s) stayed behind; the reasons are below.</source>
        <translation>
            <numerusform>%n 份已审申请未移交,原因见下表。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="132" />
        <source>%n more application(s) are not yet submitted by the office and were not included.</source>
        <translation>
            <numerusform>另有 %n 份申请办公室尚未审核提交,不在本次移交中。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/operator_handover_dialog.py" line="154" />
        <source>Nothing was handed over: no file was written and no application changed.</source>
        <translation>没有移交:没有写入文件,也没有改动任何申请。</translation>
    </message>
</context>
<context>
    <name>OperatorListDialog</name>
    <message>
        <location filename="../../kaccount_desk/ui/operator_list_dialog.py" line="38" />
        <source>Choose &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/operator_list_dialog.py" line="40" />
        <source>D&amp;ry run (check only)</source>
        <translation>试导入(只检查,不写入)(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/operator_list_dialog.py" line="42" />
        <source>&amp;Check / import</source>
        <translation>检查 / 导入(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/operator_list_dialog.py" line="47" />
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/operator_list_dialog.py" line="47" />
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/operator_list_dialog.py" line="47" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/operator_list_dialog.py" line="47" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/operator_list_dialog.py" line="59" />
        <source>File:</source>
        <translation>文件:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/operator_list_dialog.py" line="84" />
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/operator_list_dialog.py" line="92" />
        <source>Choose the operator's file first.</source>
        <translation>请先选择运营商的清单文件。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/operator_list_dialog.py" line="96" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/operator_list_dialog.py" line="96" />
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/operator_list_dialog.py" line="100" />
        <source>Dry run, nothing was written:</source>
        <translation>试导入,未写入任何数据:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/operator_list_dialog.py" line="100" />
        <source>Imported:</source>
        <translation>已导入:</translation>
    </message>
</context>
<context>
    <name>OrganisationBox</name>
    <message>
        <location filename="../../kaccount_desk/ui/admin/organisation_box.py" line="25" />
        <source>Organisation</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/organisation_box.py" line="28" />
        <source>Printed above the notice, the rosters and the summary</source>
        <translation>印在通知、名单和汇总表的抬头</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/organisation_box.py" line="29" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/organisation_box.py" line="37" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/organisation_box.py" line="53" />
        <source>Filled in from this PC's earlier setting: press Save to print it for the whole office.</source>
        <translation>已按本机以前的设置填入:按“保存”后全办公室的打印件都使用此名称。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/organisation_box.py" line="62" />
        <source>Cleared: documents print no organisation line.</source>
        <translation>已清除:打印件不再印单位名称。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/organisation_box.py" line="63" />
        <source>Saved for every PC of this office.</source>
        <translation>已保存,本办公室所有电脑的打印件都使用此名称。</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="165" />
        <source>Your organisation</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="166" />
        <source>The company or branch this office belongs to; it heads printed rosters and notices.</source>
        <translation>本办公室所属的公司或分支机构;打印的名单和通知以它为抬头。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="168" />
        <source>for example Botou Foundry Co., Ltd.</source>
        <translation>例如:泊头铸造有限公司</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="171" />
        <source>Na&amp;me</source>
        <translation>名称(&amp;M)</translation>
    </message>
</context>
<context>
    <name>OutageForm</name>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outage_form.py" line="36" />
        <source>Register planned work</source>
        <translation>登记计划停机</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outage_form.py" line="38" />
        <source>e.g. base station upgrade</source>
        <translation>例如:基站设备升级</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outage_form.py" line="40" />
        <source>e.g. a town or village; a company named after it counts as reached</source>
        <translation>例如:乡镇或村庄;名称中含此地名的集团客户视为受影响</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outage_form.py" line="46" />
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outage_form.py" line="48" />
        <source>who is affected, as the notice should say it</source>
        <translation>受影响的客户,按通知上的写法填写</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outage_form.py" line="51" />
        <source>Tick a campaign whose key-account customers the work reaches</source>
        <translation>勾选其大客户会受本次停机影响的办理活动</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outage_form.py" line="52" />
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outage_form.py" line="57" />
        <source>Work</source>
        <translation>停机内容</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outage_form.py" line="58" />
        <source>Area</source>
        <translation>影响区域</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outage_form.py" line="61" />
        <source>Expected duration</source>
        <translation>预计时长</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outage_form.py" line="63" />
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outage_form.py" line="64" />
        <source>Affected</source>
        <translation>受影响客户</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outage_form.py" line="65" />
        <source>Key-account campaigns</source>
        <translation>涉及的大客户活动</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outage_form.py" line="102" />
        <source>Registered.</source>
        <translation>已登记。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outage_form.py" line="104" />
        <source>It needs an approval recorded before its notice.</source>
        <translation>发通知前须先登记主管部门的批准。</translation>
    </message>
</context>
<context>
    <name>OutagesPage</name>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="44" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="44" />
        <source>Hours</source>
        <translation>时长(小时)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="44" />
        <source>Area</source>
        <translation>影响区域</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="44" />
        <source>Key accounts</source>
        <translation>重要客户</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="45" />
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="45" />
        <source>Work</source>
        <translation>停机内容</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="72" />
        <source>Planned work</source>
        <translation>计划停机</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="78" />
        <source>who approved</source>
        <translation>批准部门或批准人</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="79" />
        <source>Record approval</source>
        <translation>登记批准</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="83" />
        <source>Print notice…</source>
        <translation>打印停机通知…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="84" />
        <source>The customers' notice, to print or save as PDF</source>
        <translation>给客户的停机通知,可打印或另存为PDF</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="131" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="161" />
        <source>Choose planned work in the list, or register one below.</source>
        <translation>请在列表中选择计划停机,或在下方登记新的计划停机。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="165" />
        <source>Work: %1</source>
        <translation>停机内容:%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="166" />
        <source>Area: %1</source>
        <translation>影响区域:%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="167" />
        <source>Time: %1 (%2 h)</source>
        <translation>时间:%1(%2 小时)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="168" />
        <source>Affected: %1</source>
        <translation>受影响客户:%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="169" />
        <source>Registered by %1</source>
        <translation>登记人:%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="173" />
        <source>Key-account companies affected, by campaign:</source>
        <translation>受影响的集团客户(按办理活动):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="175" />
        <source> (named)</source>
        <translation>(指定)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="176" />
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 户</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="178" />
        <source>No key-account company is affected.</source>
        <translation>不涉及集团客户。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="188" />
        <source>Approved by %1 (recorded %2)</source>
        <translation>已报%1批准(登记于 %2)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="191" />
        <source>Needs the competent department's approval before the notice (24 hours or more, or key accounts)</source>
        <translation>发通知前须报主管部门批准(停机 24 小时及以上,或影响重要客户)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/outages/outages_page.py" line="192" />
        <source>No approval needed</source>
        <translation>无需报批</translation>
    </message>
</context>
<context>
    <name>PoolBrowser</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/pool_browser.py" line="36" />
        <source>Choose a new number</source>
        <translation>选择新号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/pool_browser.py" line="38" />
        <source>Last digits, e.g. 88</source>
        <translation>尾号,如 88</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/pool_browser.py" line="42" />
        <source>Show taken numbers too</source>
        <translation>也显示已被选用的号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/pool_browser.py" line="65" />
        <source>&amp;Tail digits:</source>
        <translation>尾号(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/pool_browser.py" line="76" />
        <source>Take this number</source>
        <translation>选用此号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/pool_browser.py" line="131" />
        <source>%1 (taken)</source>
        <translation>%1(已选用)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/pool_browser.py" line="141" />
        <source> (first %1 shown)</source>
        <translation>(仅显示前 %1 个)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/pool_browser.py" line="142" />
        <source>%1 free of %2 listed</source>
        <translation>列出 %2 个,其中 %1 个可选</translation>
    </message>
</context>
<context>
    <name>PrintPage</name>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="57" />
        <source>Full ID numbers (recorded)</source>
        <translation>完整证件号码(将被记录)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/documents.py" line="19" />
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/documents.py" line="20" />
        <source>Application forms</source>
        <translation>申请表</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/documents.py" line="21" />
        <source>Department roster</source>
        <translation>部门名单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/documents.py" line="22" />
        <source>Summary for the operator</source>
        <translation>报移动公司汇总表</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/documents.py" line="23" />
        <source>ID-copy sheets</source>
        <translation>身份证复印件</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/documents.py" line="27" />
        <source>Ticket receipt</source>
        <translation>受理回执</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/documents.py" line="28" />
        <source>Ticket record</source>
        <translation>工单记录</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/documents.py" line="30" />
        <source>Planned work notice</source>
        <translation>计划停机通知</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="54" />
        <source>Only the applications ticked below</source>
        <translation>只打印下面勾选的申请</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="72" />
        <source>Save notice text</source>
        <translation>保存通知正文</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="73" />
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="74" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="79" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="80" />
        <source>Save as PDF…</source>
        <translation>另存为PDF…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="98" />
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="99" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="105" />
        <source>Notice text</source>
        <translation>通知正文</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="133" />
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="137" />
        <source>Fields filled in from the campaign: %1</source>
        <translation>从活动自动填入的字段:%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="299" />
        <source>Notice text saved.</source>
        <translation>通知正文已保存。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="305" />
        <source>The notice text was changed and has not been saved. Save it now?</source>
        <translation>通知正文已修改但未保存。现在保存吗?</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="334" />
        <source>Choose a department for its roster.</source>
        <translation>请选择要打印名单的部门。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="369" />
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="388" />
        <source>The choices changed while it was being made: press Generate again.</source>
        <translation>生成期间选项已更改:请重新按“生成”。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="395" />
        <source>%n page(s) ready.</source>
        <translation>
            <numerusform>已生成 %n 页,可预览。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="406" />
        <source>Cancelled; nothing was saved.</source>
        <translation>已取消,未保存任何文件。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="410" />
        <source>Not generated: %1</source>
        <translation>未能生成:%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="412" />
        <source>Not generated.</source>
        <translation>未能生成。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/print_page.py" line="430" />
        <source>Nothing to print yet: choose a document and press Generate.</source>
        <translation>还没有可打印的内容:请先选择文档,再按“生成”。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/hand_over.py" line="36" />
        <source>Cannot print</source>
        <translation>无法打印</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/hand_over.py" line="37" />
        <source>Not printed.</source>
        <translation>未打印。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/hand_over.py" line="40" />
        <source>Printed to %1.</source>
        <translation>已打印到 %1。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/hand_over.py" line="41" />
        <source>Sent to the printer %1.</source>
        <translation>已发送到打印机 %1。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/hand_over.py" line="46" />
        <source>Save as PDF</source>
        <translation>另存为PDF</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/hand_over.py" line="53" />
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/printing/hand_over.py" line="56" />
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/progress_panel.py" line="32" />
        <source>Progress by department</source>
        <translation>各部门进度</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/progress_panel.py" line="38" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/progress_panel.py" line="38" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/progress_panel.py" line="38" />
        <source>Total</source>
        <translation>申请数</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/progress_panel.py" line="38" />
        <source>Ready</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/progress_panel.py" line="38" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/progress_panel.py" line="90" />
        <source>deadline passed</source>
        <translation>已过截止时间</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/progress_panel.py" line="95" />
        <source>Deadline: %1</source>
        <translation>截止时间:%1</translation>
    </message>
</context>
<context>
    <name>RatedItemsTable</name>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="42" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="42" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="42" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="42" />
        <source>Monthly fee (yuan)</source>
        <translation>月费(元)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="43" />
        <source>Free in-group minutes</source>
        <translation>网内免费分钟</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="43" />
        <source>In-group yuan/min</source>
        <translation>网内(元/分钟)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="43" />
        <source>Out-group yuan/min</source>
        <translation>网外(元/分钟)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="44" />
        <source>Free SMS</source>
        <translation>免费短信(条)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="44" />
        <source>Yuan/SMS</source>
        <translation>元/条</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="44" />
        <source>Free data (MB)</source>
        <translation>免费流量(MB)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="44" />
        <source>Yuan/MB</source>
        <translation>元/MB</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="45" />
        <source>Keeps current plan</source>
        <translation>保留原资费</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="45" />
        <source>Included add-ons (codes)</source>
        <translation>含附加包(代码)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="56" />
        <source>Add plan</source>
        <translation>添加资费</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="58" />
        <source>Add add-on</source>
        <translation>添加附加包</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="60" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/rated_items_table.py" line="63" />
        <source>Fees and rates in yuan; an empty rate means the item does not set it. A plan lists the add-ons that come with it by their codes. A plan that keeps the current plan uses its fee as the bill the customer pays today.</source>
        <translation>费用和单价以元计;单价留空表示该项不设此价。资费用代码列出随附的附加包。“保留原资费”一项的月费即客户现在每月的话费。</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="316" />
        <source>Write down the recovery key</source>
        <translation>抄写恢复密钥</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="318" />
        <source>If every password is lost, this key is the only way to read the ID numbers and ID images again. It is shown only now and is kept nowhere on this computer.</source>
        <translation>所有密码都遗失时,只有凭这个密钥才能重新读取证件号码和证件照片。它只在此时显示一次,本机任何地方都不保存。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="326" />
        <source>Write it on paper, check each group, and lock the paper in the office. An administrator can make a new one later; the old one then stops working.</source>
        <translation>请抄写在纸上,逐组核对,锁在办公室里。管理员以后可以重新生成一个,旧的随即作废。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="329" />
        <source>I have &amp;written the recovery key down</source>
        <translation>我已抄写好恢复密钥(&amp;W)</translation>
    </message>
</context>
<context>
    <name>Reminder</name>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reminder.py" line="105" />
        <source>Ticket %1 (%2) is overdue: %3</source>
        <translation>工单 %1(%2)已超时:%3</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reminder.py" line="105" />
        <source>Ticket %1 (%2) is due in %3</source>
        <translation>工单 %1(%2)即将到期,剩余 %3</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reminder.py" line="122" />
        <source>Ticket %1 of %2 is overdue: %3</source>
        <translation>工单 %1(负责人 %2)已超时:%3</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reminder.py" line="135" />
        <source>Visit for ticket %1 (%2–%3, %4) is not recorded: the appointment was missed</source>
        <translation>工单 %1 的上门(%2–%3,%4)未登记:已爽约</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reminder.py" line="136" />
        <source>Visit for ticket %1 at %2–%3 (%4) starts soon</source>
        <translation>工单 %1 预约 %2–%3 上门(%4),即将开始</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reminder.py" line="147" />
        <source>…and %1 more: see the queue</source>
        <translation>……另有 %1 张,请查看工单列表</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reminder.py" line="157" />
        <source>Ticket deadlines</source>
        <translation>工单时限提醒</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="42" />
        <source>The month of the reports (the hall's calendar month)</source>
        <translation>报表所属月份(按营业厅的自然月)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="43" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="44" />
        <source>Export .xlsx…</source>
        <translation>导出 .xlsx…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="48" />
        <source>Members and key accounts by month</source>
        <translation>各月集团成员和大客户</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="49" />
        <source>Revenue by tier</source>
        <translation>按级别的收入</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="49" />
        <source>Revenue by company</source>
        <translation>按集团客户的收入</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="50" />
        <source>Numbers lost this month</source>
        <translation>本月流失的号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="50" />
        <source>Members gone by company</source>
        <translation>各集团客户离网成员</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="51" />
        <source>Key accounts' tickets by category</source>
        <translation>大客户工单(按类别)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="52" />
        <source>Each account manager's month</source>
        <translation>各客户经理本月情况</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="54" />
        <source>Development</source>
        <translation>发展</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="54" />
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="55" />
        <source>Churn</source>
        <translation>流失</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="55" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="56" />
        <source>Account managers</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="59" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="114" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="84" />
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="99" />
        <source>%1: %2 member(s) (%3 gained), %4 key account(s), revenue %5 yuan</source>
        <translation>%1:集团成员 %2 个(本月新增 %3),大客户 %4 个,收入 %5 元</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="103" />
        <source> (this month's bills are not imported yet)</source>
        <translation>(本月账单尚未导入)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="114" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="118" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="125" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="135" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="156" />
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="114" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="125" />
        <source>Gained</source>
        <translation>本月新增</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="114" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="119" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="125" />
        <source>Key accounts</source>
        <translation>大客户</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="117" />
        <source>Members and key accounts, last 12 months</source>
        <translation>近12个月集团成员和大客户</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="122" />
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="122" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="133" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="139" />
        <source>Numbers</source>
        <translation>号码数</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="122" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="126" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="130" />
        <source>Revenue (yuan)</source>
        <translation>收入(元)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="122" />
        <source>Average (yuan)</source>
        <translation>户均(元)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="125" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="135" />
        <source>Company</source>
        <translation>集团客户</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="125" />
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="126" />
        <source>Billed</source>
        <translation>出账成员</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="129" />
        <source>Revenue by tier (yuan)</source>
        <translation>各级别收入(元)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="133" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="133" />
        <source>From tier</source>
        <translation>原级别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="135" />
        <source>Members gone</source>
        <translation>离网成员</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="138" />
        <source>Numbers lost in %1</source>
        <translation>%1 流失的号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="144" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="144" />
        <source>Closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="144" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="157" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="166" />
        <source>Closed on time</source>
        <translation>按时办结</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="144" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="149" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="157" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="167" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="144" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="150" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="158" />
        <source>Not satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="145" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="151" />
        <source>Not reachable</source>
        <translation>联系不上</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="145" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="158" />
        <source>Satisfaction rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="148" />
        <source>Key accounts' callbacks in %1</source>
        <translation>%1 大客户回访结果</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="156" />
        <source>Account manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="156" />
        <source>Companies</source>
        <translation>集团客户</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="156" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="164" />
        <source>Members gained</source>
        <translation>新增成员</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="157" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="165" />
        <source>Tickets closed</source>
        <translation>客户工单办结</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="157" />
        <source>On-time rate</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="158" />
        <source>Tasks due</source>
        <translation>到期任务</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="158" />
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="168" />
        <source>Tasks on time</source>
        <translation>按时完成任务</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="163" />
        <source>Account managers in %1</source>
        <translation>%1 客户经理</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="175" />
        <source>Key-account reports</source>
        <translation>大客户报表</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="176" />
        <source>Export reports</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="176" />
        <source>Spreadsheet (*.xlsx)</source>
        <translation>电子表格 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="187" />
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/reports/reports_page.py" line="189" />
        <source>Exporting the reports…</source>
        <translation>正在导出报表…</translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="29" />
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="30" />
        <source>Resolved at first contact</source>
        <translation>首问办结</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="31" />
        <source>Referred</source>
        <translation>转派部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="32" />
        <source>Closed on time</source>
        <translation>按时办结</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="33" />
        <source>Overdue now</source>
        <translation>当前超时</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="34" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="35" />
        <source>Not satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="36" />
        <source>Not reachable</source>
        <translation>联系不上</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="37" />
        <source>Rent waivers owed</source>
        <translation>应免月租</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="42" />
        <source>On-time rate</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="42" />
        <source>Satisfaction rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="73" />
        <source>Show</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="74" />
        <source>Export to a spreadsheet…</source>
        <translation>导出为电子表格…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="225" />
        <source>Spreadsheet (*.xlsx)</source>
        <translation>电子表格 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="77" />
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="38" />
        <source>Open, not yet due</source>
        <translation>在办未到期</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="39" />
        <source>Missed visits</source>
        <translation>预约未上门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="78" />
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="83" />
        <source>Received from</source>
        <translation>受理日期从</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="85" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="91" />
        <source>Per window</source>
        <translation>按窗口</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="92" />
        <source>Per staff member</source>
        <translation>按员工</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="150" />
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="165" />
        <source>%1 to %2: %3 ticket(s)</source>
        <translation>%1 至 %2:共 %3 张工单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="167" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="218" />
        <source>Tickets per window</source>
        <translation>各窗口工单情况</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="224" />
        <source>Ticket report</source>
        <translation>工单统计</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="225" />
        <source>Export report</source>
        <translation>导出统计表</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="238" />
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="243" />
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1:%2</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/reports_panel.py" line="247" />
        <source>Exporting the report…</source>
        <translation>正在导出统计表…</translation>
    </message>
</context>
<context>
    <name>RetentionBox</name>
    <message>
        <location filename="../../kaccount_desk/ui/admin/retention_box.py" line="28" />
        <source>ID-card images: keeping and purging</source>
        <translation>身份证复印件:保存与删除</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/retention_box.py" line="40" />
        <source>Counter rule: the ID-card images of applications never finished (draft, collected, submitted or sent) are deleted this many days after their campaign closed</source>
        <translation>营业厅规则:未办结的申请(草稿、事业部已收、办公室已审或已交移动公司)的身份证照片,在活动截止后这么多天删除</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/retention_box.py" line="43" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/retention_box.py" line="45" />
        <source>Purge expired ID copies…</source>
        <translation>删除到期的身份证复印件…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/retention_box.py" line="50" />
        <source>Rule</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/retention_box.py" line="51" />
        <source>Days (office)</source>
        <translation>保存天数(办公室)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/retention_box.py" line="52" />
        <source>Days after the close, unfinished (counter)</source>
        <translation>未办结申请截止后保存天数(营业厅)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/retention_box.py" line="88" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/retention_box.py" line="92" />
        <source>%1 ID-card images of %2 applications are past their keeping date (applications %3). Delete them?</source>
        <translation>%2 份申请的 %1 张身份证复印件已过保存期限(申请编号 %3)。确定删除吗?</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/retention_box.py" line="94" />
        <source>Purge ID copies</source>
        <translation>删除身份证复印件</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/retention_box.py" line="108" />
        <source>No ID copies are past their keeping date.</source>
        <translation>没有过保存期限的身份证复印件。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/retention_box.py" line="111" />
        <source>Nothing was deleted.</source>
        <translation>未删除任何内容。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/retention_box.py" line="117" />
        <source>Deleted %1 ID-card images.</source>
        <translation>已删除 %1 张身份证复印件。</translation>
    </message>
</context>
<context>
    <name>SeatSend</name>
    <message>
        <location filename="../../kaccount_desk/ui/handover/seat_send.py" line="18" />
        <source>Hand over to the office: this file carries ID numbers and ID card images</source>
        <translation>交接给办公室:此文件含身份证号码和身份证照片</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/seat_send.py" line="19" />
        <source>Hand-over packages (*%1)</source>
        <translation>交接包 (*%1)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/seat_send.py" line="20" />
        <source>Handed over</source>
        <translation>已交接</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/seat_send.py" line="21" />
        <source>Package %1 written: %2 applications, %3 ID card images.
%4
It carries ID data: hand it to the office in person or on an encrypted drive, and delete other copies.</source>
        <translation>第 %1 个交接包已保存:申请 %2 份,身份证照片 %3 张。
%4
此文件含身份证信息:请当面或用加密U盘交给办公室,并删除其他副本。</translation>
    </message>
</context>
<context>
    <name>SentPackagesDialog</name>
    <message>
        <location filename="../../kaccount_desk/ui/handover/sent_dialog.py" line="96" />
        <source>Packages sent to the office</source>
        <translation>已发给办公室的交接包</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/sent_dialog.py" line="97" />
        <source>Reading the packages sent…</source>
        <translation>正在读取已发出的交接包…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/sent_dialog.py" line="111" />
        <source>&amp;Read the office's receipt…</source>
        <translation>读取办公室回执(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/sent_dialog.py" line="114" />
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/sent_dialog.py" line="142" />
        <source>This seat has not sent a package yet (File → Hand over to the office…).</source>
        <translation>本受理点还没有发出过交接包(文件 → 交接给办公室…)。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/sent_dialog.py" line="144" />
        <source>Packages sent: %1. Not yet acknowledged by the office: %2; ask the office for its receipt.</source>
        <translation>已发出交接包 %1 个,办公室尚未确认 %2 个;请向办公室索取回执。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/sent_dialog.py" line="146" />
        <source>Packages sent: %1. The office has acknowledged them all.</source>
        <translation>已发出交接包 %1 个,办公室已全部确认收到。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/sent_dialog.py" line="151" />
        <source>Read the office's receipt</source>
        <translation>读取办公室回执</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/sent_dialog.py" line="152" />
        <source>Receipts from the office (*%1)</source>
        <translation>办公室回执 (*%1)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/sent_dialog.py" line="161" />
        <source>The office acknowledged package %1 (and any earlier one).</source>
        <translation>办公室已确认收到第 %1 个交接包(及其之前的交接包)。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/sent_dialog.py" line="162" />
        <source>The office acknowledged package %1.</source>
        <translation>办公室已确认收到第 %1 个交接包。</translation>
    </message>
</context>
<context>
    <name>SentPackagesModel</name>
    <message>
        <location filename="../../kaccount_desk/ui/handover/sent_dialog.py" line="30" />
        <source>Package no.</source>
        <translation>交接包序号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/sent_dialog.py" line="31" />
        <source>Sent at</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/sent_dialog.py" line="32" />
        <source>Applications</source>
        <translation>申请数</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/sent_dialog.py" line="33" />
        <source>ID card images</source>
        <translation>身份证照片</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/sent_dialog.py" line="34" />
        <source>Received by the office</source>
        <translation>办公室确认收到</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/handover/sent_dialog.py" line="36" />
        <source>Not yet acknowledged</source>
        <translation>未确认</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../kaccount_desk/ui/settings_dialog.py" line="47" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings_dialog.py" line="49" />
        <source>(this computer's own database)</source>
        <translation>(本机数据库)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings_dialog.py" line="50" />
        <source>&amp;Test</source>
        <translation>测试(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings_dialog.py" line="59" />
        <source>(the system's default printer)</source>
        <translation>(系统默认打印机)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings_dialog.py" line="64" />
        <source>%1 (not found now)</source>
        <translation>%1(当前找不到)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings_dialog.py" line="72" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings_dialog.py" line="73" />
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings_dialog.py" line="76" />
        <source>(beside the database)</source>
        <translation>(数据库所在文件夹)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings_dialog.py" line="86" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings_dialog.py" line="87" />
        <source>A new database is used from the next start.</source>
        <translation>更换的数据库在下次启动时使用。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings_dialog.py" line="89" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings_dialog.py" line="90" />
        <source>Default printer</source>
        <translation>默认打印机</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings_dialog.py" line="91" />
        <source>Paper size</source>
        <translation>纸张大小</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings_dialog.py" line="92" />
        <source>Lock after idle</source>
        <translation>空闲后锁定</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings_dialog.py" line="93" />
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings_dialog.py" line="94" />
        <source>Backups kept</source>
        <translation>保留备份份数</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings_dialog.py" line="95" />
        <source>Backups follow these from the next start's daily backup.</source>
        <translation>备份文件夹和保留份数从下次启动时的每日备份起生效。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings_dialog.py" line="120" />
        <source>Trying the database…</source>
        <translation>正在连接数据库…</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="233" />
        <source>How to start</source>
        <translation>开始方式</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="234" />
        <source>With the &amp;sample campaign (the 2012 notice), to try things out</source>
        <translation>载入示例活动(2012年的通知),先试用(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="235" />
        <source>&amp;Empty: the office loads or creates its own campaign</source>
        <translation>空白开始:由办公室载入或新建自己的活动(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="237" />
        <source>As a &amp;department's seat, from the office's campaign pack</source>
        <translation>作为部门受理点,用办公室给的活动包建立(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="238" />
        <source>The account typed before becomes the seat's collector.</source>
        <translation>上一页填写的账号即为受理点的统计员。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="240" />
        <source>The campaign pack (.kapack)</source>
        <translation>活动包(.kapack)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="241" />
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="266" />
        <source>The office's campaign pack</source>
        <translation>办公室给的活动包</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="267" />
        <source>Campaign packs (*.kapack)</source>
        <translation>活动包 (*.kapack)</translation>
    </message>
</context>
<context>
    <name>StoreBanner</name>
    <message>
        <location filename="../../kaccount_desk/ui/store_banner.py" line="40" />
        <source>Try again now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/store_banner.py" line="54" />
        <source>The database cannot be used now: %1
Your input stays here; trying again every %2 seconds.</source>
        <translation>数据库暂时无法使用:%1
已输入的内容仍保留在这里;每 %2 秒自动重试。</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="55" />
        <source>Where is the data kept?</source>
        <translation>数据保存在哪里?</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="56" />
        <source>One PC: keep it on this computer. Several PCs in one office: use the office's server.</source>
        <translation>只有一台电脑:保存在本机。一个办公室有多台电脑:使用办公室的服务器。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="57" />
        <source>&amp;This computer</source>
        <translation>本机(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="58" />
        <source>The office's &amp;server (PostgreSQL)</source>
        <translation>办公室服务器(PostgreSQL)(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="61" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="71" />
        <source>Test the &amp;connection</source>
        <translation>测试连接(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="80" />
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="81" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="82" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="83" />
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="84" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="115" />
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="115" />
        <source>Database (*.sqlite3)</source>
        <translation>数据库 (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/first_run.py" line="139" />
        <source>A new database will be created in this file.</source>
        <translation>将在此文件中新建数据库。</translation>
    </message>
</context>
<context>
    <name>TicketActions</name>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="79" />
        <source>What is asked of the department, its answer, the reply to the customer, or a note</source>
        <translation>填写转派事项、部门答复、回复客户的内容或备注</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="81" />
        <source>Start</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="82" />
        <source>Reply to customer</source>
        <translation>回复客户</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="83" />
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="90" />
        <source>Refer</source>
        <translation>转派</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="92" />
        <source>Record department answer</source>
        <translation>登记部门答复</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="94" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="95" />
        <source>Not satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="96" />
        <source>Not reachable</source>
        <translation>联系不上</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="98" />
        <source>Handset caused it</source>
        <translation>客户手机原因</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="99" />
        <source>Customer told it is overdue</source>
        <translation>已告知客户超时</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="100" />
        <source>Wait on customer</source>
        <translation>等待客户</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="101" />
        <source>The time limit stops until you resume; the reason goes in the box above</source>
        <translation>恢复处理前时限暂停计时;等待原因请填在上方文本框</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="102" />
        <source>Resume</source>
        <translation>恢复处理</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="103" />
        <source>Called again</source>
        <translation>客户再次来电</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="104" />
        <source>The customer contacted us again about this matter: what they said goes in the box above; a closed ticket reopens to its first receiver</source>
        <translation>客户就此事再次来电:来电内容填在上方框内;已办结的工单重新打开,交回首问责任人</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="110" />
        <source>Use</source>
        <translation>采用</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="111" />
        <source>Put the chosen standard answer in the box above; the history records which one</source>
        <translation>把选中的标准答复填入上方输入框;处理记录会记下用了哪一条</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="112" />
        <source>Book visit…</source>
        <translation>预约上门…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="113" />
        <source>A repair visit: the day, the time window and who goes; moving it needs a reason</source>
        <translation>上门维修:日期、时段和上门人员;改约须填写原因</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="114" />
        <source>Visit done</source>
        <translation>已上门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="116" />
        <source>Hand to new owner</source>
        <translation>转交新负责人</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="117" />
        <source>Only when the owner has left; the reason goes in the box above</source>
        <translation>仅限原负责人已离岗时;请在上方输入框写明原因</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="119" />
        <source>Reason for closing without a reply or callback</source>
        <translation>未回复或未回访即办结的原因</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="120" />
        <source>Close ticket</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="124" />
        <source>Owner left</source>
        <translation>负责人离岗</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="130" />
        <source>Standard answer</source>
        <translation>标准答复</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="131" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="132" />
        <source>Visit</source>
        <translation>上门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="133" />
        <source>Callback</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="134" />
        <source>Fault</source>
        <translation>故障申告</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="135" />
        <source>Refer to</source>
        <translation>转派至</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="135" />
        <source>answer by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_actions.py" line="137" />
        <source>Answer from</source>
        <translation>答复部门</translation>
    </message>
</context>
<context>
    <name>TicketDetail</name>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="81" />
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="83" />
        <source>Print receipt…</source>
        <translation>打印回执…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="84" />
        <source>The customer's receipt again, to print or save as PDF</source>
        <translation>再次打印客户的受理回执,或另存为PDF</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="85" />
        <source>Print ticket…</source>
        <translation>打印工单…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="86" />
        <source>The whole ticket with its history, to print or save as PDF</source>
        <translation>整张工单及其处理记录,可打印或另存为PDF</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="174" />
        <source>Planned work under way: %1, %2 (%3)</source>
        <translation>计划停机中:%1,%2(%3)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="201" />
        <source>Select a ticket in the queue</source>
        <translation>请在左侧列表中选择工单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="204" />
        <source>Ticket %1 · %2</source>
        <translation>工单 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_detail.py" line="235" />
        <source>Done: %1</source>
        <translation>已完成:%1</translation>
    </message>
</context>
<context>
    <name>TicketFactsForm</name>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="35" />
        <source>Category:</source>
        <translation>类别:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="35" />
        <source>Customer:</source>
        <translation>客户:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="35" />
        <source>Received:</source>
        <translation>受理时间:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="36" />
        <source>Due:</source>
        <translation>办结时限:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="36" />
        <source>Owner:</source>
        <translation>首问责任人:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="36" />
        <source>Content:</source>
        <translation>受理内容:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="36" />
        <source>Visit:</source>
        <translation>上门预约:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="37" />
        <source>Referrals:</source>
        <translation>转派部门:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="37" />
        <source>Rent waiver:</source>
        <translation>免收月租:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="55" />
        <source> (key-account customer)</source>
        <translation>(大客户)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="57" />
        <source>Key-account customer: %1 · %2</source>
        <translation>大客户:%1 · %2</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="83" />
        <source>booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="83" />
        <source>due now</source>
        <translation>正在时段内</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="83" />
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="88" />
        <source>visited %1</source>
        <translation>%1 已上门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="84" />
        <source>MISSED: no visit recorded by the end of the window</source>
        <translation>爽约:时段结束前未登记上门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="84" />
        <source>moved</source>
        <translation>已改约</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="98" />
        <source>(waiting on the customer since %1: clock stopped, %2 left)</source>
        <translation>(自 %1 起等待客户:计时暂停,剩余 %2)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="102" />
        <source>  handset caused: no repair limit</source>
        <translation>  客户手机原因:不计修复时限</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="63" />
        <source>, first received by %1</source>
        <translation>,首问受理人 %1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="66" />
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="69" />
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="79" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="70" />
        <source>monthly rent waived from %1 until %2</source>
        <translation>免收障碍期间月租:%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="71" />
        <source>the repair</source>
        <translation>修复为止</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="105" />
        <source>15-day limit (customer may appeal): %1</source>
        <translation>15天期限(逾期客户可申诉):%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="109" />
        <source>answered %1</source>
        <translation>%1 已答复</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_facts_form.py" line="110" />
        <source>answer due %1</source>
        <translation>应于 %1 前答复</translation>
    </message>
</context>
<context>
    <name>TicketSettingsBox</name>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="35" />
        <source>Ticket time limits and departments</source>
        <translation>工单时限与转派部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="38" />
        <source>Category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="38" />
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="38" />
        <source>Hours</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="38" />
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="39" />
        <source>Warn before</source>
        <translation>到期前提醒</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="38" />
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="42" />
        <source>Key accounts</source>
        <translation>大客户时限</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="40" />
        <source>The owner is warned this long before a ticket of the category is due</source>
        <translation>此类工单到期前多久提醒负责人</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="43" />
        <source>A key-account customer's own limit (green channel); "same": the same as everyone's</source>
        <translation>大客户(绿色通道)的处理时限;“同普通”:与其他客户相同</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="48" />
        <source>Save time limits</source>
        <translation>保存时限</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="49" />
        <source>New limits apply to tickets received from now on</source>
        <translation>新时限只适用于此后受理的工单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="53" />
        <source>New department</source>
        <translation>新部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="55" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="57" />
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="58" />
        <source>No new referrals go to it; it still answers those it has</source>
        <translation>不再接收新的转派;已转派给它的仍须答复</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="116" />
        <source>any</source>
        <translation>不分</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="122" />
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="147" />
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="157" />
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="132" />
        <source>%1 (retired)</source>
        <translation>%1(已停用)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="156" />
        <source>same</source>
        <translation>同普通</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="190" />
        <source>Time limits saved; they apply to tickets received from now on.</source>
        <translation>时限已保存,适用于此后受理的工单。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="201" />
        <source>Department %1 added</source>
        <translation>已添加部门 %1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="207" />
        <source>Select the department to retire</source>
        <translation>请先选择要停用的部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/admin/ticket_settings_box.py" line="214" />
        <source>Department %1 retired</source>
        <translation>已停用部门 %1</translation>
    </message>
</context>
<context>
    <name>TicketTyping</name>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/ticket_typing.py" line="49" />
        <source>Text typed for ticket(s) %1 has not been used in an action yet and would be lost.</source>
        <translation>为工单 %1 填写的内容还没有提交,将会丢失。</translation>
    </message>
</context>
<context>
    <name>TicketsModel</name>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="37" />
        <source>No.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="38" />
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="39" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="40" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="41" />
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="42" />
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="43" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="44" />
        <source>Due</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="45" />
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="67" />
        <source>%1 d %2 h</source>
        <translation>%1天%2小时</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="69" />
        <source>%1 h %2 min</source>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="71" />
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="72" />
        <source>overdue %1</source>
        <translation>超时%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="193" />
        <source>Key-account customer: first among tickets due at the same time</source>
        <translation>大客户(绿色通道):同一办结时限的工单中优先处理</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_model.py" line="211" />
        <source>clock stopped</source>
        <translation>计时暂停</translation>
    </message>
</context>
<context>
    <name>TicketsPage</name>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="46" />
        <source>My tickets</source>
        <translation>我的工单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="47" />
        <source>My window</source>
        <translation>本窗口</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="48" />
        <source>Referred to my department</source>
        <translation>转派本部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="49" />
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="50" />
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="51" />
        <source>Complaints escalated (day 10 of 15)</source>
        <translation>投诉升级(已满10天,15天期限)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="52" />
        <source>Overdue in my department, by owner</source>
        <translation>本部门超时工单(按负责人)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="53" />
        <source>My customers</source>
        <translation>我的客户</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="54" />
        <source>All tickets</source>
        <translation>全部工单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="111" />
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="112" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="113" />
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="114" />
        <source>All windows</source>
        <translation>全部窗口</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="116" />
        <source>Owner's staff no.</source>
        <translation>责任人工号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="119" />
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="132" />
        <source>Search content, answers, name or number (e.g. a word of the request, a surname, 1380013)</source>
        <translation>查找受理内容、答复、客户姓名或号码(如 话费、信号、1380013)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="137" />
        <source>New ticket…</source>
        <translation>受理新工单…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="183" />
        <source>Queue:</source>
        <translation>工单列表:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="222" />
        <source>Queue</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="224" />
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="413" />
        <source>Reports</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="268" />
        <source>%1 found</source>
        <translation>找到 %1 张</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="270" />
        <source>, newest %1 shown</source>
        <translation>,显示最新 %1 张</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/tickets/tickets_page.py" line="401" />
        <source>%1 ticket(s)</source>
        <translation>共 %1 张工单</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../kaccount_desk/ui/idle_lock.py" line="48" />
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/idle_lock.py" line="57" />
        <location filename="../../kaccount_desk/ui/idle_lock.py" line="98" />
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/idle_lock.py" line="63" />
        <source>Closing this window ends the program; unsaved typing is kept for whoever typed it.</source>
        <translation>关闭此窗口将退出程序;未保存的录入会为录入人保留。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/idle_lock.py" line="67" />
        <source>Staff ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/idle_lock.py" line="68" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/idle_lock.py" line="89" />
        <source>Another clerk: type your staff ID and password. What %1 typed is kept for them.</source>
        <translation>换人使用:请输入您的工号和密码。%1 未保存的录入会为其保留。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/idle_lock.py" line="92" />
        <source>Locked. %1 (%2), type your password to go on.</source>
        <translation>窗口已锁定。%1(%2),请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/idle_lock.py" line="98" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/idle_lock.py" line="99" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/idle_lock.py" line="113" />
        <source>Checking the password…</source>
        <translation>正在核对密码…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/idle_lock.py" line="142" />
        <source>Wrong password.</source>
        <translation>密码不正确。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/idle_lock.py" line="99" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>Unsaved</name>
    <message>
        <location filename="../../kaccount_desk/ui/unsaved.py" line="47" />
        <source>Unsaved typing</source>
        <translation>未保存的内容</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="46" />
        <source>Campaign</source>
        <translation>办理活动</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="49" />
        <source>Campaign:</source>
        <translation>办理活动:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="55" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="56" />
        <source>&amp;Import roster…</source>
        <translation>导入名单(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="57" />
        <source>&amp;Export roster…</source>
        <translation>导出名单(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="61" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="64" />
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="66" />
        <source>Log out / switch &amp;user…</source>
        <translation>注销/切换用户(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="68" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="70" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="71" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="80" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="81" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="82" />
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="88" />
        <source>Import a department's &amp;package…</source>
        <translation>导入部门交接包(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="90" />
        <source>Campaign pack for a department's &amp;seat…</source>
        <translation>为部门受理点制作活动包(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="92" />
        <source>&amp;Hand over to the office…</source>
        <translation>交接给办公室(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="94" />
        <source>Packages sent to the &amp;office…</source>
        <translation>已发给办公室的交接包(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="142" />
        <source>%1 (%2, %3)</source>
        <translation>%1(%2,%3)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="143" />
        <source>Logged in: %1</source>
        <translation>当前登录:%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="145" />
        <source>Database: %1</source>
        <translation>数据库:%1</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="185" />
        <source>About KAccount Desk</source>
        <translation>关于大客户业务受理</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_menus.py" line="186" />
        <source>KAccount Desk: enrollment intake for a mobile operator's key-account calling group.</source>
        <translation>KAccount Desk:移动公司大客户集团网业务受理。</translation>
    </message>
</context>
<context>
    <name>WindowTyping</name>
    <message>
        <location filename="../../kaccount_desk/ui/window_typing.py" line="94" />
        <source>an application</source>
        <translation>一份申请</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_typing.py" line="94" />
        <source>a new ticket</source>
        <translation>一张新工单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_typing.py" line="97" />
        <source>Unsaved typing found</source>
        <translation>发现未保存的内容</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/window_typing.py" line="98" />
        <source>When the program last stopped, %1 was being typed and not saved (kept at %2). Restore it?</source>
        <translation>程序上次停止时,有%1正在填写且未保存(保存于 %2)。要恢复吗?</translation>
    </message>
</context>
<context>
    <name>WorkflowPanel</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/workflow_panel.py" line="26" />
        <source>Status and history</source>
        <translation>状态与记录</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/workflow_panel.py" line="34" />
        <source>Operator's reason for rejecting</source>
        <translation>移动公司退回的原因</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/workflow_panel.py" line="37" />
        <source>Collect</source>
        <translation>事业部收取</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/workflow_panel.py" line="38" />
        <source>Submit</source>
        <translation>办公室审核</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/workflow_panel.py" line="39" />
        <source>Send to carrier</source>
        <translation>交移动公司</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/workflow_panel.py" line="40" />
        <source>Activated</source>
        <translation>已开通</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/workflow_panel.py" line="41" />
        <source>Rejected</source>
        <translation>被退回</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/workflow_panel.py" line="42" />
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/workflow_panel.py" line="80" />
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/workflow_panel.py" line="82" />
        <source>Application #%1: %2</source>
        <translation>申请 #%1:%2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../kaccount_desk/ui/main.py" line="54" />
        <source>Cannot use the database</source>
        <translation>数据库暂时无法使用</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main.py" line="62" />
        <source>Something went wrong that the program did not expect. Your saved work is in the database; please tell support what you were doing.</source>
        <translation>程序遇到了意外错误。已保存的内容都在数据库中;请告诉技术支持您当时在做什么。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main.py" line="65" />
        <source>The details are in the log file:</source>
        <translation>详细情况记录在日志文件中:</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main.py" line="66" />
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main.py" line="143" />
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/main.py" line="144" />
        <source>The database could not be opened:</source>
        <translation>无法打开数据库:</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../kaccount_desk/ui/messages.py" line="39" />
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
</context>
<context>
    <name>restore_offer</name>
    <message>
        <location filename="../../kaccount_desk/ui/restore_offer.py" line="25" />
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/restore_offer.py" line="71" />
        <source>Looking for the latest backup…</source>
        <translation>正在查找最新的备份…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/restore_offer.py" line="77" />
        <source>Restore this backup now? The damaged file is kept beside it; work done after the backup was taken is not in it.</source>
        <translation>现在恢复这个备份吗?损坏的文件会保留在原处旁边;备份之后录入的内容不在备份中。</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/restore_offer.py" line="82" />
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/restore_offer.py" line="85" />
        <source>The backup cannot be restored</source>
        <translation>无法恢复备份</translation>
    </message>
</context>
<context>
    <name>roster_dialogs</name>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="267" />
        <source>Roster</source>
        <translation>名单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="269" />
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="280" />
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="284" />
        <source>Export roster</source>
        <translation>导出名单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="270" />
        <source>Spreadsheet (*.xlsx);;Text with commas (*.csv)</source>
        <translation>电子表格 (*.xlsx);;逗号分隔文本 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/enrollment/roster_dialogs.py" line="281" />
        <source>%n application(s) written to:</source>
        <translation>已导出 %n 份申请到:</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../kaccount_desk/ui/settings.py" line="41" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings.py" line="42" />
        <source>Last campaign</source>
        <translation>上次使用的办理活动</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings.py" line="44" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings.py" line="46" />
        <source>Organisation</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings.py" line="47" />
        <source>Default printer</source>
        <translation>默认打印机</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings.py" line="48" />
        <source>Paper size</source>
        <translation>纸张大小</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings.py" line="50" />
        <source>Lock after idle minutes</source>
        <translation>空闲多少分钟后锁定</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings.py" line="51" />
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings.py" line="52" />
        <source>Backups kept</source>
        <translation>保留备份份数</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings.py" line="54" />
        <source>Last folder</source>
        <translation>上次使用的文件夹</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings.py" line="57" />
        <source>Last folder opened</source>
        <translation>上次打开的文件夹</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/settings.py" line="60" />
        <source>Database as closed</source>
        <translation>上次正常关闭时的数据库</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="16" />
        <source>First page (Enrollment)</source>
        <translation>第一页(业务受理)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="17" />
        <source>Second page (Tickets)</source>
        <translation>第二页(首问工单)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="18" />
        <source>Third page (Print)</source>
        <translation>第三页(打印)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="19" />
        <source>Fourth page (Admin)</source>
        <translation>第四页(管理)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="20" />
        <source>Search on this page</source>
        <translation>在本页搜索</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="21" />
        <source>Reload campaigns, staff and lists</source>
        <translation>重新读取活动、人员和列表</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="22" />
        <source>Print (on the Print page; elsewhere, go there)</source>
        <translation>打印(在打印页;其他页面则转到打印页)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="23" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="24" />
        <source>Lock the window (the password, or another clerk's login, opens it)</source>
        <translation>锁定窗口(输入密码或由其他营业员登录后打开)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="25" />
        <source>New ticket</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="26" />
        <source>Save the new ticket (in its form)</source>
        <translation>保存新工单(在工单表单中)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="27" />
        <source>Ticket: start handling</source>
        <translation>工单:开始处理</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="28" />
        <source>Ticket: reply to the customer</source>
        <translation>工单:回复客户</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="29" />
        <source>Ticket: add a note</source>
        <translation>工单:添加备注</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="30" />
        <source>Ticket: refer to a department</source>
        <translation>工单:转派部门</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="31" />
        <source>Ticket: record the department's answer</source>
        <translation>工单:登记部门答复</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="32" />
        <source>Ticket: callback, satisfied</source>
        <translation>工单:回访,满意</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="33" />
        <source>Ticket: callback, not satisfied</source>
        <translation>工单:回访,不满意</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="34" />
        <source>Ticket: callback, not reachable</source>
        <translation>工单:回访,联系不上</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="35" />
        <source>Ticket: the handset caused the fault</source>
        <translation>工单:故障由客户手机引起</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="36" />
        <source>Ticket: customer told it is overdue</source>
        <translation>工单:已告知客户超时</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="37" />
        <source>Ticket: close</source>
        <translation>工单:办结</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="38" />
        <source>Ticket: wait on the customer (the clock stops)</source>
        <translation>工单:等待客户(暂停计时)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="39" />
        <source>Ticket: resume after waiting (the clock runs again)</source>
        <translation>工单:等待后恢复处理(恢复计时)</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="40" />
        <source>Application form: save</source>
        <translation>申请表:保存</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="41" />
        <source>Application form: save and start the next</source>
        <translation>申请表:保存并开始下一份</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="42" />
        <source>Application form: choose a reserved number</source>
        <translation>申请表:从号池选号</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="67" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="69" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../kaccount_desk/ui/shortcuts.py" line="70" />
        <source>What it does</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>workers</name>
    <message>
        <location filename="../../kaccount_desk/ui/workers.py" line="150" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>