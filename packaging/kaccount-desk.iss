; Inno Setup script for the Windows installer of KAccount Desk (README, "Building the app").
;
; Build on Windows, from the repository root, after the one-folder app exists:
;   pyinstaller packaging\kaccount-desk.spec
;   dist\kaccount-desk\kaccount-desk.exe --self-test      (exit code 0; the lines are in the log)
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\kaccount-desk.iss
; The installer is written to dist\installer\kaccount-desk-setup-<version>.exe.
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
; The app may be open at the counter: ask to close it before files are replaced.
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.DesktopIcon=在桌面创建快捷方式
english.DesktopIcon=Create a desktop shortcut
chinesesimplified.LaunchNow=启动{#AppNameZh}
english.LaunchNow=Start {#AppName}

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

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
