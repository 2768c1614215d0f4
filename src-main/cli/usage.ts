export const USAGE = `法治年报 命令行（fazhi）

用法：
  fazhi demo --data DIR [--force]            在数据文件夹中生成示例单位和2024年度数据
  fazhi export --data DIR --year Y --out FILE.docx [--fonts standard|windows] [--draft]
               [--edition submit|public] [--pdf]
                                             导出年度报告（GB/T 9704 公文格式）；--draft 导出征求意见稿
                                             （未填报的指标标为【待填：指标名】，未定稿部分加批注）；
                                             --edition submit 报送件（版头、签发人、版记、附注），
                                             public 公开件（不含版头、签发人、版记、附注）；
                                             --pdf 另存同名 PDF（需要本机装有 LibreOffice）
  fazhi indicators --data DIR --year Y [--json]
                                             列出全部指标：数值、单位、来源
  fazhi ledger add --data DIR --year Y --date YYYY-MM-DD --category 类别 --title 标题
                   [--village 村社区] [--participants N] [--materials N] [--note 备注]
                                             新增台账记录，保存成功后输出记录编号
  fazhi ledger list --data DIR --year Y [--json]
  fazhi ledger categories                    列出台账类别
  fazhi check --data DIR --year Y [--json]   校对年度报告：每行一项（位置、问题、原文）；有“错误”时退出码为1
  fazhi ledger import FILE --data DIR --year Y [--mapping JSON] [--dry-run] [--json]
                                             从 Excel（.xlsx）或 CSV 导入台账：先列出每行的问题，
                                             再一次写入全部可导入的行；--dry-run 只检查不写入
  fazhi mediation import FILE --data DIR --year Y [--mapping JSON] [--dry-run] [--json]
                                             导入调解案件（日期、村、纠纷类型、调解结果；当事人等个人信息不导入）
  fazhi xlsx --data DIR --year Y --out FILE.xlsx [--sheets ledger,mediation,indicators]
                                             导出全年数据表（活动台账、调解案件、指标）
  fazhi years --data DIR                     列出年度
  fazhi backup --data DIR --out FILE         备份整个数据文件夹到一个文件
  fazhi restore --data DIR --from FILE       从备份文件恢复（先校验，并先备份现有数据）
  fazhi import FILE --data DIR [--year Y] [--replace] [--json]
                                             导入去年的报告（.docx/.doc/.txt）：识别标题、层级、接排，
                                             打印提纲；--json 输出保存的内容和发现的问题
  fazhi draft --data DIR --year Y [--part measures|shortcomings|firstResponsible|plan|all] [--exact] [--json] [--apply]
                                             由台账、调解案件和指标起草报告初稿（数字为指标占位符，显示今天的数值）；
                                             --exact 一律写准确数（默认按指标的约数表述）；--apply 只写入还没有正文的部分
  fazhi report show --data DIR --year Y [--json]
                                             显示年度报告（--json 为报告结构，标题不含编号）
  fazhi report set --data DIR --year Y [--doc-number 发文字号] [--signer 签发人]… [--cc 抄送机关]
                   [--printer 印发机关] [--print-date YYYY-MM-DD] [--contact 联系人和电话]
                   [--copy-number 份号] [--urgency 特急|加急] [--joint|--no-joint]
                                             设置报送件的版头和版记（随年度报告保存；--signer 可重复）

未指定 --data 时，使用环境变量 FAZHI_DATA_DIR，否则使用桌面版的数据文件夹。
`;
