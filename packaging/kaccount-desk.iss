; Inno Setup script for the Windows installer of KAccount Desk (README, "Building the app").
;
; Needs Inno Setup 6.3 or later (x64compatible below); 6.4.1 is the version it is compiled with.
; Build on Windows, from the repository root, after the one-folder app exists:
;   pyinstaller packaging\kaccount-desk.spec
;   dist\kaccount-desk\kaccount-desk.exe --self-test      (exit code 0; the lines are in the log)
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\kaccount-desk.iss
; or on Linux, under Wine with the compiler of npm's innosetup package: packaging/build_installer.sh.
; The installer is written to dist\installer\kaccount-desk-setup-<version>.exe.
;
; Stock Inno Setup 6 ships no Chinese messages, so languages\ChineseSimplified-kaccount.isl (this
; project's own translation, read after Default.isl) gives them.
;
; It installs for the current user by default (no administrator needed at a counter PC; an admin
; may choose all users), adds a Start-menu entry and an optional desktop icon. The uninstaller
; removes only what it installed: the store, settings, keys, backups and logs live in the user's
; own folders (%LOCALAPPDATA%\kaccount-desk), which this script never lists, so they stay.

#define AppName "KAccount Desk"
#define AppNameZh "大客户业务受理台"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "kaccount-desk.exe"

[Setup]
; A fixed id: an upgrade replaces the installed version instead of installing a second one.
AppId={{6E0C2D7A-3B4F-4C7E-9A51-2F8D0B6C4E19}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=KAccount
DefaultDirName={autopf}\KAccount Desk
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist\installer
OutputBaseFilename=kaccount-desk-setup-{#AppVersion}
SetupIconFile=..\resources\icons\kaccount-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; The app may be open at the counter: it holds these mutexes while it runs
; (kaccount_desk/running_mark.py), so setup and the uninstaller ask to close it first.
AppMutex=KAccountDesk-6E0C2D7A,Global\KAccountDesk-6E0C2D7A
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Default.isl,languages\ChineseSimplified-kaccount.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.DesktopIcon=在桌面创建快捷方式
english.DesktopIcon=Create a desktop shortcut
chinesesimplified.LaunchNow=启动{#AppNameZh}
english.LaunchNow=Start {#AppName}

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundled Python, Qt plugins and DLLs whole: files an older version had in
; _internal and this one has not would otherwise stay beside the new ones and could be loaded.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; The whole one-folder app built by PyInstaller; nothing outside {app} is written.
Source: "..\dist\kaccount-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{#AppNameZh}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchNow}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section on purpose: the uninstaller removes the files it installed and
; nothing else, so every application, ticket, backup and log of the office survives an uninstall
; or an upgrade.
